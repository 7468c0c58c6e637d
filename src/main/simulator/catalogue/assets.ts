// Placeholder brand art, generated on request: the console must never load a remote image, so every asset URL
// in the seed catalogue points back at the simulator itself.
const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

function hueOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) % 360;
  return hash;
}

function initials(title: string): string {
  const words = title
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export type AssetKind = 'logo' | 'icon' | 'thumbnail';

export function brandArtSvg(kind: AssetKind, id: string, title: string): string {
  const hue = hueOf(id);
  const [width, height] = kind === 'thumbnail' ? [320, 200] : [256, 256];
  const label = kind === 'thumbnail' ? escapeXml(title) : initials(title);
  const fontSize = kind === 'thumbnail' ? 28 : 96;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<rect width="${width}" height="${height}" rx="${kind === 'icon' ? 128 : 32}" fill="hsl(${hue} 60% 42%)"/>` +
    `<text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${fontSize}" font-weight="700" fill="#fff">${label}</text>` +
    `</svg>`
  );
}

export function brandTermsHtml(title: string, terms: readonly string[]): string {
  const items = terms.map((term) => `<li>${escapeXml(term)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}: terms and conditions</title></head><body><h1>${escapeXml(title)}</h1><p>Simulated terms and conditions.</p><ol>${items}</ol></body></html>`;
}
