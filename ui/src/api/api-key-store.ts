/**
 * Where the dashboard keeps the API key: localStorage when the user asks to remember it, otherwise
 * sessionStorage (gone with the tab). The key travels only as an `Authorization` header, except for the
 * EventSource stream, which cannot set headers.
 */
const KEY = 'raceway-api-key';

export function readApiKey(): string | null {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
}

export function saveApiKey(key: string, remember: boolean): void {
  clearApiKey();
  (remember ? localStorage : sessionStorage).setItem(KEY, key);
}

export function clearApiKey(): void {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}
