export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Incremental Server-Sent-Events parser (the subset Cairn's server writes: `event:`, `data:`,
 * comments). Feed it decoded text chunks in order; it returns the events each chunk completed.
 * Chunks may split lines anywhere, so a partial line is kept until its end arrives.
 */
export function createSseParser(): (chunk: string) => ServerSentEvent[] {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const events: ServerSentEvent[] = [];
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const rawLine of lines) {
      const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      if (line === '') {
        if (dataLines.length > 0) events.push({ event: eventName || 'message', data: dataLines.join('\n') });
        eventName = '';
        dataLines = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') eventName = value;
      else if (field === 'data') dataLines.push(value);
    }
    return events;
  };
}
