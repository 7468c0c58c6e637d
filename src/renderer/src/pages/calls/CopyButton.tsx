import { useState } from 'react';
import { copyText } from './clipboard.ts';

/** A button that copies what `text()` returns and says whether it worked. */
export function CopyButton({ label, text, className }: { label: string; text: () => Promise<string | null> | string | null; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    const value = await text();
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
