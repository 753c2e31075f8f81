// The app's only way to the server: /graphql with the bearer token of the browser's open tabs, and downloads and
// uploads on the same host.
import type { MeQuery, TypedDocumentString } from './gql/graphql';

/** The signed-in account as `me` answers it, with its unit's name. */
export type Account = NonNullable<MeQuery['me']> & { unitName?: string | null };
export interface FieldError { field: string; reason: string }

export class ApiError extends Error {
  constructor(message: string, readonly code: string | null, readonly fields: FieldError[]) { super(message); }
}

const TOKEN = 'kinerja.token';
const ACCOUNT = 'kinerja.account';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  account: (): Account | null => JSON.parse(sessionStorage.getItem(ACCOUNT) ?? 'null'),
  save(token: string, account: Account) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(ACCOUNT, JSON.stringify(account));
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(ACCOUNT);
  },
};

// An answer of UNAUTHENTICATED (expired or forged token) ends the session: the app returns to Masuk with this message.
let onSignedOut: (message: string) => void = () => {};
export function whenSignedOut(handler: (message: string) => void) { onSignedOut = handler; }

// The open tabs of one browser share a session: a tab opened from a link (which gets no copy of sessionStorage) asks
// the others for theirs, and Keluar in one tab ends it in all. The token stays in the tabs, never on disk.
type TabMessage = { kind: 'ask' } | { kind: 'give'; token: string; account: Account } | { kind: 'left'; token: string }
  | { kind: 'renewed'; token: string; replaced: string };
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('kinerja.session');
tabs?.addEventListener('message', (e: MessageEvent<TabMessage>) => {
  const token = session.token();
  if (e.data.kind === 'ask' && token) tabs.postMessage({ kind: 'give', token, account: session.account()! } satisfies TabMessage);
  if (e.data.kind === 'left' && token === e.data.token) {
    session.clear();
    onSignedOut('Anda telah keluar di tab lain.');
  }
  if (e.data.kind === 'renewed' && token === e.data.replaced) sessionStorage.setItem(TOKEN, e.data.token);
});

/** This tab's account, or another open tab's when this one has none; null when no tab answers in a moment. */
export function borrowSession(): Promise<Account | null> {
  const own = session.account();
  if (own || !tabs) return Promise.resolve(own);
  return new Promise(resolve => {
    const take = (e: MessageEvent<TabMessage>) => {
      if (e.data.kind !== 'give') return;
      session.save(e.data.token, e.data.account);
      done(e.data.account);
    };
    const done = (account: Account | null) => {
      tabs.removeEventListener('message', take);
      clearTimeout(timer);
      resolve(account);
    };
    const timer = setTimeout(() => done(null), 500);
    tabs.addEventListener('message', take);
    tabs.postMessage({ kind: 'ask' } satisfies TabMessage);
  });
}

/** Keluar: this tab and every other tab of the same session. */
export function signOut() {
  const token = session.token();
  session.clear();
  if (token) tabs?.postMessage({ kind: 'left', token } satisfies TabMessage);
}

/**
 * The session's new token after its password was changed (which ends every token of the account): this tab and the
 * other tabs of the same session go on with it.
 */
export function renewSession(token: string) {
  const replaced = session.token();
  sessionStorage.setItem(TOKEN, token);
  if (replaced) tabs?.postMessage({ kind: 'renewed', token, replaced } satisfies TabMessage);
}

function signOutWith(message: string): never {
  session.clear();
  onSignedOut(message);
  throw new ApiError(message, 'UNAUTHENTICATED', []);
}

interface GraphQLError { message: string; extensions?: { code?: string; fields?: FieldError[] } }

// The server names each refused field with its path (input.value: ...); a person reads only the reason, once.
function reasons(errors: GraphQLError[]): string {
  const said = errors.flatMap(e => e.extensions?.fields?.length ? e.extensions.fields.map(f => f.reason) : [e.message]);
  return [...new Set(said)].join(' • ');
}

// The server's reason is written for API clients (login, Authorization headers); a person is told what happened.
const ENDED: [RegExp, string][] = [
  [/kedaluwarsa/i, 'masa berlaku tanda masuk Anda sudah habis. Silakan masuk kembali.'],
  [/dinonaktifkan/i, 'akun Anda dinonaktifkan oleh administrator. Hubungi administrator bila Anda masih memerlukannya.'],
  [/akunnya berubah/i, 'akun Anda diubah (kata sandi, peran atau unit), sehingga tanda masuk yang lama dicabut. Silakan masuk kembali.'],
  [/akun token ini tidak ada/i, 'akun Anda tidak ada lagi. Hubungi administrator.'],
];
const endedSession = (message: string) =>
  `Sesi berakhir: ${ENDED.find(([reason]) => reason.test(message))?.[1] ?? 'tanda masuk Anda tidak berlaku lagi. Silakan masuk kembali.'}`;

/**
 * Sends a query or mutation written with graphql() (its answer and variables typed from schema.graphql) and answers
 * its data, or throws an ApiError with the server's reasons.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }) });
  } catch {
    throw new ApiError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.', null, []);
  }
  const answer = await response.json().catch(() => null) as { data?: TResult; errors?: GraphQLError[] } | null;
  if (!answer) throw new ApiError(`Server menjawab ${response.status} tanpa isi yang dapat dibaca.`, null, []);
  const errors = answer.errors ?? [];
  const unauthenticated = errors.find(e => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated && token) signOutWith(endedSession(unauthenticated.message));
  if (errors.length > 0) {
    throw new ApiError(reasons(errors), errors[0].extensions?.code ?? null, errors.flatMap(e => e.extensions?.fields ?? []));
  }
  return answer.data as TResult;
}

/**
 * Sends the changes of a row's fields one after another, each stored or refused on its own, and answers each refusal
 * at its field (the field's reasons) or, where the server names no field, in rest.
 */
export async function sendEach<F extends string>(fields: F[], send: (field: F) => Promise<unknown>) {
  const at: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const field of fields) {
    try {
      await send(field);
    } catch (e) {
      const refused = e as ApiError;
      if (refused.fields.length > 0) at[field] = [...new Set(refused.fields.map(f => f.reason))].join(' • ');
      else rest.push(refused.message);
      // Without the server or the session, the fields after it would fail the same way.
      if (refused.code == null || refused.code === 'UNAUTHENTICATED') break;
    }
  }
  return { at, rest: rest.length > 0 ? [...new Set(rest)].join(' • ') : null, stored: Object.keys(at).length === 0 && rest.length === 0 };
}

/**
 * A refusal's reasons at the form's own fields (named by the server's field paths), and what belongs to no field of the
 * form, or to none at all, in rest.
 */
export function refusalAt<K extends string>(error: unknown, fields: Record<string, K>): { at: Partial<Record<K, string>>; rest: string | null } {
  const refused = error as ApiError;
  const at: Partial<Record<K, string>> = {};
  const rest: string[] = [];
  for (const f of refused.fields ?? []) {
    const name = fields[f.field];
    if (name) at[name] = at[name] ? `${at[name]} • ${f.reason}` : f.reason;
    else rest.push(f.reason);
  }
  if (!refused.fields?.length) rest.push(refused.message);
  return { at, rest: rest.length > 0 ? [...new Set(rest)].join(' • ') : null };
}

// A message of the upload endpoint starts with the field it is about (file: berkas ... kosong).
const withoutField = (message: string) => message.replace(/^[A-Za-z][\w.-]*: /, '');

/** The server's message of a failed download or upload: the reasons of its JSON {message, fields} or {error}, or its text. */
export async function errorOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string; message?: string; fields?: FieldError[]; errors?: GraphQLError[] };
    if (body.fields?.length) return [...new Set(body.fields.map(f => f.reason))].join(' • ');
    if (body.error ?? body.message) return withoutField((body.error ?? body.message)!);
    if (body.errors?.length) return reasons(body.errors);
  } catch { /* not JSON: the text itself */ }
  if (text.trim()) return text.trim();
  return response.status === 404 ? 'Tidak ditemukan di server (404).' : `Server menjawab ${response.status}.`;
}

export async function download(url: string): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { headers });
  if (response.status === 401) signOutWith(endedSession(await errorOf(response)));
  if (!response.ok) throw new ApiError(await errorOf(response), String(response.status), []);
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), fileName: named ? decodeURIComponent(named[1]) : url.split('/').pop()!.split('?')[0] };
}

/** Downloads url as download() does and hands the file to the browser to save; answers its name. */
export async function saveDownload(url: string): Promise<string> {
  const { blob, fileName } = await download(url);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return fileName;
}

export interface RefusedRow { line: number; field: string; reason: string }
export interface ImportResult {
  register: string; module: string; rows: number; accepted: number; inserted: number; updated: number; unchanged: number;
  /** The first 1,000 refusals; refusedCount counts them all. */
  refused: RefusedRow[]; refusedCount: number;
  /** Accepted rows that fall in a closed triwulan, and the server's words for them (null when none). */
  inClosedQuarters: number; closedQuarterNote: string | null;
}

/** Streams a register file to POST /registers/{register}, reporting the share sent. */
export function upload(register: string, file: File, progress: (sent: number, total: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/registers/${encodeURIComponent(register)}`);
    const token = session.token();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = e => { if (e.lengthComputable) progress(e.loaded, e.total); };
    xhr.onerror = () => reject(new ApiError('Unggahan terputus: server tidak dapat dihubungi.', null, []));
    xhr.onload = () => {
      let body: (ImportResult & { error?: string; field?: string }) | null = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 200 && body) return resolve(body);
      const message = body?.error ? withoutField(body.error) : (xhr.responseText.trim() || `Server menjawab ${xhr.status}.`);
      if (xhr.status === 401) {
        try { signOutWith(endedSession(message)); } catch (e) { return reject(e); }
      }
      reject(new ApiError(message, String(xhr.status), body?.field ? [{ field: body.field, reason: message }] : []));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
