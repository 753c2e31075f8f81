// GraphiQL from the host's own files, sending the token of the app's session (this tab's, or an open tab's).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { borrowSession, session } from './api';

async function fetcher(params: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
}

borrowSession().then(() => createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher })));
