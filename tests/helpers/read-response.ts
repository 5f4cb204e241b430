/** A fetch response read once: its status, content type, text, and the JSON when the text is JSON. */
export async function readResponse(response: Response) {
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    json,
    text,
    headers: response.headers,
  };
}
