import { useState } from 'react';
import { copyText } from '../clipboard.ts';

type CopySource = string | (() => Promise<string | null> | string | null);

/** A button that copies `text` (or what it returns; null copies nothing) and says for a moment whether it worked. */
export function CopyButton({ label, text, className }: { label: string; text: CopySource; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    const value = typeof text === 'function' ? await text() : text;
    if (value === null) return;
    setState((await copyText(value)) ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className={className} onClick={() => void onClick()} aria-live="polite">
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
