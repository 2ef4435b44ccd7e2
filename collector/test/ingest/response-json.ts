/** A parsed JSON response body: tests read arbitrary fields of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = any;

export async function responseJson(res: Response): Promise<Json> {
  return res.json();
}
