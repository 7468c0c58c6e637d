import { describe, expect, it } from 'vitest';
import { createCommandOutbox } from '../../../src/main/desktop/command-outbox.ts';
import type { DesktopCommand } from '../../../src/shared/contract/events.ts';

describe('command outbox', () => {
  it('holds commands until the window has loaded, then delivers them in order, then at once', () => {
    const delivered: DesktopCommand[] = [];
    const outbox = createCommandOutbox((command) => delivered.push(command));
    outbox.send({ kind: 'go', area: 'calls' });
    outbox.send({ kind: 'open-palette' });
    expect(delivered).toEqual([]);
    outbox.open();
    expect(delivered).toEqual([{ kind: 'go', area: 'calls' }, { kind: 'open-palette' }]);
    outbox.send({ kind: 'show-shortcuts' });
    expect(delivered).toHaveLength(3);
    outbox.close();
    outbox.send({ kind: 'go', area: 'orders' });
    expect(delivered).toHaveLength(3);
  });
});
