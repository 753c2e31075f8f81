// The app's only way to the server: /graphql with the bearer token of this browser tab, and downloads and
// uploads on the same host.

export interface Account { username: string; roles: string[]; unit: string | null }
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

function signOutWith(message: string): never {
  session.clear();
  onSignedOut(message);
  throw new ApiError(message, 'UNAUTHENTICATED', []);
}

interface GraphQLError { message: string; extensions?: { code?: string; fields?: FieldError[] } }

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.', null, []);
  }
  const answer = await response.json().catch(() => null) as { data?: T; errors?: GraphQLError[] } | null;
  if (!answer) throw new ApiError(`Server menjawab ${response.status} tanpa isi yang dapat dibaca.`, null, []);
  const errors = answer.errors ?? [];
  const unauthenticated = errors.find(e => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated && token) signOutWith(`Sesi berakhir: ${unauthenticated.message}. Silakan masuk kembali.`);
  if (errors.length > 0) {
    const first = errors[0];
    throw new ApiError(errors.map(e => e.message).join(' • '), first.extensions?.code ?? null, errors.flatMap(e => e.extensions?.fields ?? []));
  }
  return answer.data as T;
}

/** The server's message of a failed download or upload: its JSON {error}, or its text. */
export async function errorOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string; message?: string; errors?: { message: string }[] };
    if (body.error ?? body.message) return (body.error ?? body.message)!;
    if (body.errors?.length) return body.errors.map(e => e.message).join(' • ');
  } catch { /* not JSON: the text itself */ }
  if (text.trim()) return text.trim();
  return response.status === 404 ? 'Tidak ditemukan di server (404).' : `Server menjawab ${response.status}.`;
}

export async function download(url: string): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { headers });
  if (response.status === 401) signOutWith(`Sesi berakhir: ${await errorOf(response)}. Silakan masuk kembali.`);
  if (!response.ok) throw new ApiError(await errorOf(response), String(response.status), []);
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), fileName: named ? decodeURIComponent(named[1]) : url.split('/').pop()!.split('?')[0] };
}

export interface RefusedRow { line: number; field: string; reason: string }
export interface ImportResult {
  register: string; module: string; rows: number; accepted: number; inserted: number; updated: number; unchanged: number;
  refused: RefusedRow[];
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
      const message = body?.error ?? (xhr.responseText.trim() || `Server menjawab ${xhr.status}.`);
      if (xhr.status === 401) {
        try { signOutWith(`Sesi berakhir: ${message}. Silakan masuk kembali.`); } catch (e) { return reject(e); }
      }
      reject(new ApiError(message, String(xhr.status), body?.field ? [{ field: body.field, reason: message }] : []));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
