// GraphiQL from the host's own files, sending the token the app keeps for this browser tab.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';

async function fetcher(params: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = sessionStorage.getItem('kinerja.token');
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
}

createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher }));
