import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.svg': 'image/svg+xml',
  '.m4a': 'audio/mp4', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.opus': 'audio/ogg', '.wav': 'audio/wav',
  '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt; charset=utf-8', '.srt': 'text/plain; charset=utf-8',
};

/** Dev-server middleware serving content/media at /media/ (the build copies the folder instead). */
export function serveMedia(mediaDir: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/media/')) return next();
    const relative = decodeURIComponent(url.pathname.slice('/media/'.length));
    const file = path.resolve(mediaDir, relative);
    if (!file.startsWith(mediaDir + path.sep)) return next();
    try {
      if (!statSync(file).isFile()) return next();
    } catch {
      return next();
    }
    response.setHeader('Content-Type', types[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  };
}
