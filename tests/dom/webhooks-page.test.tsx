import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProductionConfirmDialog } from '../../src/renderer/src/components/ProductionConfirmDialog.tsx';
import { useProductionConfirmation } from '../../src/renderer/src/components/production-confirmation-store.ts';
import { WebhooksPage } from '../../src/renderer/src/features/webhooks/WebhooksPage.tsx';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { useWebhookSigning } from '../../src/renderer/src/features/webhooks/signing-store.ts';
import { useWebhooks } from '../../src/renderer/src/features/webhooks/webhooks-store.ts';
import { useWebhooksTab } from '../../src/renderer/src/features/webhooks/webhooks-tab-store.ts';
import type { Verification } from '../../src/shared/webhooks/verification.ts';
import type { Classification } from '../../src/shared/webhooks/classification.ts';
import { installFakeHubble, type Invocation } from './fake-hubble.ts';

const ORDER_BODY = '{\n  "id": "order_id",\n  "status": "SUCCESS"\n}';
const ORDER_SIGNATURE = 'PS+yCBFXxu2u0mJO4IX+/Z+b4zCf51cHtIBuDqcusz0=';

const examples = [
  {
    id: 'order-terminal-state',
    type: 'order-terminal-state',
    label: 'Order Reached Terminal State',
    family: 'partner-api',
    source: 'Seed 001',
    body: ORDER_BODY,
    signature: ORDER_SIGNATURE,
    signedWithProfileId: 'simulator',
  },
  {
    id: 'sdk-brand-disabled',
    type: 'sdk-brand-disabled',
    label: 'SDK BRAND_DISABLED',
    family: 'sdk-brand-event',
    source: 'Seed 002',
    body: '{}',
    signature: null,
    signedWithProfileId: null,
  },
];

const invalid: Verification = {
  verdict: 'invalid',
  bodyBytes: 36,
  headerPresent: true,
  secretLabel: 'the webhook secret of profile "Simulator" (simulator)',
  expectedSignature: 'aGVsbG8=',
  findings: [
    {
      code: 'BODY_RESERIALISED',
      title: 'Body re-serialised',
      message: 'Your body is not the byte sequence Hubble signed.',
      evidence: [{ label: 'Layout of the signed form', value: 'pretty-printed, 2-space indent' }],
      fix: 'Compute the HMAC over the raw request body.',
    },
  ],
  diff: {
    leftLabel: 'Your body',
    rightLabel: 'The form that verifies',
    leftBytes: 36,
    rightBytes: 45,
    firstDifferenceAt: 1,
    removedBytes: 0,
    addedBytes: 9,
    segments: [
      { op: 'equal', text: '{', bytes: 1, elidedBytes: 0, hex: null },
      { op: 'added', text: '\n  ', bytes: 3, elidedBytes: 0, hex: '0a 20 20' },
      { op: 'equal', text: '"id":', bytes: 5, elidedBytes: 0, hex: null },
      { op: 'equal', text: '', bytes: 0, elidedBytes: 1234, hex: null },
    ],
    approximate: false,
    truncated: false,
  },
  checked: ['the exact 36 bytes with the webhook secret of profile "Simulator" (simulator)'],
};

const classification: Classification = {
  json: 'object',
  parseError: null,
  type: 'order-terminal-state',
  label: 'Order Reached Terminal State',
  family: 'partner-api',
  confidence: 'high',
  score: 1,
  reason: 'No type field.',
  alternatives: [],
  valid: true,
  issues: [],
  unknownFields: [],
  notes: [],
  advice: [
    'The payload carries no referenceId and no vouchers: fetch the order by its id with GET /v1/partners/orders/{id}.',
  ],
  facts: [{ label: 'id', value: '"order_id"' }],
};

let calls: Invocation[] = [];
let answers: Record<string, unknown> = {};

/** A fake main answering from `answers`: a value, or a whole Result when a test wants a failure. */
function answerFromTable(channel: string): unknown {
  const answer = answers[channel];
  if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
  return channel in answers
    ? { ok: true, value: answer }
    : { ok: false, error: { kind: 'NOT_FOUND', message: channel } };
}

beforeEach(() => {
  answers = {
    'webhooks.examples': { examples },
    'webhooks.verify': invalid,
    'webhooks.classify': classification,
  };
  calls = installFakeHubble(answerFromTable).invocations;
  useWebhooks.setState(useWebhooks.getInitialState());
  useWebhookSigning.setState(useWebhookSigning.getInitialState());
  useWebhooksTab.setState(useWebhooksTab.getInitialState());
  useProductionConfirmation.setState({ pending: null });
  useProfiles.setState({
    error: null,
    list: {
      activeProfileId: 'simulator',
      profiles: [
        {
          id: 'simulator',
          name: 'Simulator',
          environment: 'simulator',
          baseUrl: 'embedded',
          colour: '#7c3aed',
          builtIn: true,
          webhookReceiver: { enabled: false, port: 8787 },
        },
        {
          id: 'prod-1',
          name: 'Acme production',
          environment: 'production',
          baseUrl: 'https://api.myhubble.money',
          colour: '#dc2626',
          builtIn: false,
        },
      ],
    } as never,
  });
});
afterEach(cleanup);

const debuggerRegion = () => screen.getByRole('region', { name: 'Signature debugger' });
const lastCall = (channel: string) =>
  calls.filter((call) => call.channel === channel).at(-1)?.input as Record<string, unknown>;

describe('Webhooks → Signature debugger', () => {
  it('renders while the profile list is still loading', () => {
    useProfiles.setState({ list: null });
    render(<WebhooksPage />);
    expect(within(debuggerRegion()).getByRole('group', { name: 'Secret source' })).toBeTruthy();
    expect((within(debuggerRegion()).getByLabelText('Profile') as HTMLSelectElement).options).toHaveLength(0);
  });

  it('loads an example from main into the body, the header and the secret source', async () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    const menu = within(region).getByLabelText('Load example');
    await waitFor(() =>
      expect(within(menu).getByRole('option', { name: 'Order Reached Terminal State' })).toBeTruthy(),
    );
    expect(within(menu).getByRole('group', { name: 'Partner API webhooks' })).toBeTruthy();
    fireEvent.change(menu, { target: { value: 'order-terminal-state' } });
    expect((within(region).getByLabelText('Raw body') as HTMLTextAreaElement).value).toBe(ORDER_BODY);
    expect((within(region).getByLabelText('X-Verify header') as HTMLInputElement).value).toBe(ORDER_SIGNATURE);
    expect(
      (within(region).getByRole('radio', { name: "A profile's webhook secret" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((within(region).getByLabelText('Profile') as HTMLSelectElement).value).toBe('simulator');
  });

  it('verifies the pasted text and shows the verdict, the findings with their codes, the diff and the classification', async () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    fireEvent.change(within(region).getByLabelText('Raw body'), {
      target: { value: '{"id":"order_id","status":"SUCCESS"}' },
    });
    fireEvent.change(within(region).getByLabelText('X-Verify header'), { target: { value: ORDER_SIGNATURE } });
    fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
    expect((await within(region).findByRole('status', { name: 'Verdict' })).textContent).toBe('✗ Signature invalid');
    expect(lastCall('webhooks.verify')).toEqual({
      body: { text: '{"id":"order_id","status":"SUCCESS"}' },
      signatureHeader: ORDER_SIGNATURE,
      secret: { kind: 'profile', profileId: 'simulator' },
    });
    expect(lastCall('webhooks.classify')).toEqual({ body: { text: '{"id":"order_id","status":"SUCCESS"}' } });
    const findings = within(region).getByRole('list', { name: 'Findings' });
    expect(within(findings).getByRole('heading', { level: 3 }).textContent).toBe(
      'BODY_RESERIALISED Body re-serialised',
    );
    expect(within(findings).getByText('pretty-printed, 2-space indent')).toBeTruthy();
    const diff = within(region).getByRole('figure', { name: 'Byte diff' });
    expect(diff.querySelector('pre ins')?.textContent).toBe('↵\n··');
    expect(diff.querySelector('pre ins')?.getAttribute('title')).toContain('0a 20 20');
    expect(within(diff).getByText('…1,234 bytes unchanged…')).toBeTruthy();
    expect(within(region).getByLabelText('Webhook type').textContent).toBe('Order Reached Terminal State');
    expect(
      within(within(region).getByRole('list', { name: 'Handling advice' })).getByText(/no referenceId/),
    ).toBeTruthy();
  });

  it('sends a pasted secret and a missing header as null', async () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    fireEvent.change(within(region).getByLabelText('Raw body'), { target: { value: '{}' } });
    fireEvent.click(within(region).getByRole('radio', { name: 'Pasted secret' }));
    fireEvent.change(within(region).getByLabelText('Webhook secret'), { target: { value: 'whsec_typed' } });
    fireEvent.click(within(region).getByLabelText('The request had no X-Verify header'));
    fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
    await within(region).findByRole('status', { name: 'Verdict' });
    expect(lastCall('webhooks.verify')).toEqual({
      body: { text: '{}' },
      signatureHeader: null,
      secret: { kind: 'pasted', value: 'whsec_typed' },
    });
  });

  it('a chosen file is sent as base64 of its exact bytes (BOM and CRLF included)', async () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0x0d, 0x0a, 0xff]);
    const input = within(region).getByLabelText('Body file');
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([bytes], 'body.json')] } });
    });
    await within(region).findByRole('group', { name: 'Body file in use' });
    expect(within(region).getByText(/Verifying the exact 8 bytes of/)).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
    await within(region).findByRole('status', { name: 'Verdict' });
    const sent = lastCall('webhooks.verify').body as { base64: string };
    expect([...atob(sent.base64)].map((char) => char.charCodeAt(0))).toEqual([...bytes]);
  });

  it('a file over 1 MiB is refused before anything is sent', async () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    await act(async () => {
      fireEvent.change(within(region).getByLabelText('Body file'), {
        target: { files: [new File([new Uint8Array(1024 * 1024 + 1)], 'big.bin')] },
      });
    });
    expect((await within(region).findByRole('alert')).textContent).toContain(
      '1,048,577 bytes; the debugger accepts bodies up to 1 MiB',
    );
    expect(calls.filter((call) => call.channel === 'webhooks.verify')).toEqual([]);
  });

  it("shows main's refusal in its own words", async () => {
    answers['webhooks.verify'] = {
      ok: false,
      error: {
        kind: 'NOT_FOUND',
        message: 'Profile "Acme production" (production) has no webhook secret in the keychain.',
      },
    };
    render(<WebhooksPage />);
    const region = debuggerRegion();
    fireEvent.change(within(region).getByLabelText('Raw body'), { target: { value: '{}' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
    expect((await within(region).findByRole('alert')).textContent).toContain('has no webhook secret');
  });
});

describe('Webhooks → Signing tool', () => {
  it('signs the body with the chosen profile and shows the signature, curl and raw headers', async () => {
    answers['webhooks.signWithProfile'] = {
      signature: 'c2lnbmF0dXJl',
      headerLine: 'X-Verify: c2lnbmF0dXJl',
      rawHeaders: 'POST /hook HTTP/1.1\r\nHost: localhost:3000\r\n\r\n',
      curl: "curl -sS -i -X POST 'http://localhost:3000/hook' \\\n  --data-binary '{}'",
      curlBody: 'inline',
      bodyFileName: null,
      bodyBytes: 2,
      notes: ['--data-binary sends the body byte for byte.'],
    };
    render(<WebhooksPage />);
    const region = screen.getByRole('region', { name: 'Signing tool' });
    fireEvent.change(within(region).getByLabelText('Body to sign'), { target: { value: '{}' } });
    fireEvent.change(within(region).getByLabelText('Endpoint URL'), {
      target: { value: 'http://localhost:3000/hook' },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Sign request' }));
    expect((await within(region).findByRole('status', { name: 'X-Verify' })).textContent).toBe('c2lnbmF0dXJl');
    expect(lastCall('webhooks.signWithProfile')).toEqual({
      body: { text: '{}' },
      profileId: 'simulator',
      url: 'http://localhost:3000/hook',
    });
    expect(within(region).getByLabelText('curl').textContent).toContain("--data-binary '{}'");
    expect(within(region).getByLabelText('Raw headers').textContent).toContain('POST /hook HTTP/1.1');
    expect(within(region).getByRole('button', { name: 'Copy curl' })).toBeTruthy();
  });
});

const SIGNED = {
  signature: 'c2lnbmF0dXJl',
  headerLine: 'X-Verify: c2lnbmF0dXJl',
  rawHeaders: 'POST /hook HTTP/1.1\r\n\r\n',
  curl: "curl --data-binary '{}'",
  curlBody: 'inline',
  bodyFileName: null,
  bodyBytes: 2,
  notes: [],
};

describe('Webhooks → signing with a production profile', () => {
  it('asks for the typed confirmation, then signs with the token main issued; a pasted secret goes to webhooks.sign', async () => {
    answers['webhooks.signWithProfile'] = SIGNED;
    answers['webhooks.sign'] = SIGNED;
    answers['guard.confirm'] = { token: 'token-1', expiresAt: '2030-01-01T00:00:00Z' };
    render(
      <>
        <WebhooksPage />
        <ProductionConfirmDialog />
      </>,
    );
    const region = screen.getByRole('region', { name: 'Signing tool' });
    fireEvent.change(within(region).getByLabelText('Body to sign'), { target: { value: '{}' } });
    fireEvent.change(within(region).getByLabelText('Profile'), { target: { value: 'prod-1' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Sign request' }));
    const dialog = await screen.findByRole('dialog');
    expect(calls.some((call) => call.channel === 'webhooks.signWithProfile')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Type the profile name/), { target: { value: 'Acme production' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm on production' }));
    expect((await within(region).findByRole('status', { name: 'X-Verify' })).textContent).toBe('c2lnbmF0dXJl');
    expect(lastCall('guard.confirm')).toEqual({
      profileId: 'prod-1',
      operation: 'webhooks.signWithProfile',
      typedName: 'Acme production',
    });
    expect(lastCall('webhooks.signWithProfile')).toMatchObject({ profileId: 'prod-1', confirmationToken: 'token-1' });

    fireEvent.click(within(region).getByRole('radio', { name: 'Pasted secret' }));
    fireEvent.change(within(region).getByLabelText('Webhook secret'), { target: { value: 'whsec_pasted' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Sign request' }));
    await waitFor(() => expect(lastCall('webhooks.sign')).toBeTruthy());
    expect(lastCall('webhooks.sign')).toEqual({
      body: { text: '{}' },
      secret: { kind: 'pasted', value: 'whsec_pasted' },
      url: 'http://localhost:3000/hubble-webhook',
    });
  });

  it('says why no X-Verify is shown when main withholds it (a production profile’s stored secret)', async () => {
    answers['webhooks.verify'] = { ...invalid, expectedSignature: null };
    render(<WebhooksPage />);
    const region = debuggerRegion();
    fireEvent.change(within(region).getByLabelText('Raw body'), { target: { value: '{}' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
    await within(region).findByRole('status', { name: 'Verdict' });
    expect(within(region).getByText(/not shown: it is made with a production profile's stored secret/)).toBeTruthy();
  });
});

describe('Webhooks → a pasted secret’s invisible characters', () => {
  it('keeps a trailing CR LF and tab, shows them as marks over a masked copy, and sends them', async () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    fireEvent.change(within(region).getByLabelText('Raw body'), { target: { value: '{}' } });
    fireEvent.click(within(region).getByRole('radio', { name: 'Pasted secret' }));
    const field = within(region).getByLabelText('Webhook secret');
    expect(field.tagName).toBe('TEXTAREA');
    fireEvent.change(field, { target: { value: ' whsec_ab\r\n\t' } });
    const note = within(region).getByRole('note', { name: 'Invisible characters in the secret' });
    expect(note.textContent).toContain('·••••••••␍␊⇥');
    expect(within(note).getByText('Starts with a space (·).')).toBeTruthy();
    expect(within(note).getByText('Ends with a carriage return, a line feed (newline) and a tab (␍␊⇥).')).toBeTruthy();
    expect(note.textContent).not.toContain('whsec_ab');
    fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
    await within(region).findByRole('status', { name: 'Verdict' });
    expect(lastCall('webhooks.verify').secret).toEqual({ kind: 'pasted', value: ' whsec_ab\r\n\t' });
  });

  it('says so when a pasted secret has none', () => {
    render(<WebhooksPage />);
    const region = debuggerRegion();
    fireEvent.click(within(region).getByRole('radio', { name: 'Pasted secret' }));
    fireEvent.change(within(region).getByLabelText('Webhook secret'), { target: { value: 'whsec_clean' } });
    expect(within(region).queryByRole('note', { name: 'Invisible characters in the secret' })).toBeNull();
    expect(within(region).getByText('No invisible characters in the pasted secret.')).toBeTruthy();
  });
});

/**
 * The page's stylesheet as written. The DOM project does not process CSS imports (they come back empty), and
 * the renderer's types have no Node, so the file is read through a Node module typed here alone.
 */
async function pageStylesheet(): Promise<string> {
  const fs = (await import(/* @vite-ignore */ `node:${'fs'}`)) as {
    readFileSync(file: string, encoding: 'utf8'): string;
  };
  const { cwd } = (await import(/* @vite-ignore */ `node:${'process'}`)) as { cwd(): string };
  return fs.readFileSync(`${cwd()}/src/renderer/src/features/webhooks/webhooks.css`, 'utf8');
}

describe('Webhooks → evidence wraps like text', () => {
  it('breaks prose at spaces and only overlong tokens anywhere (the page’s own stylesheet)', async () => {
    const style = document.createElement('style');
    style.textContent = await pageStylesheet();
    document.head.append(style);
    try {
      answers['webhooks.verify'] = {
        ...invalid,
        findings: [
          {
            code: 'NO_EXPLANATION',
            title: 'Body or secret differs',
            message: 'Nothing explains it.',
            evidence: [
              {
                label: 'Checked',
                value: 'the exact 36 bytes with the pasted secret; 406 re-serialised forms of the JSON',
              },
            ],
            fix: 'Capture the raw body.',
          },
        ],
      };
      render(<WebhooksPage />);
      const region = debuggerRegion();
      fireEvent.change(within(region).getByLabelText('Raw body'), { target: { value: '{}' } });
      fireEvent.click(within(region).getByRole('button', { name: 'Verify signature' }));
      const evidence = within(await within(region).findByLabelText('Evidence for NO_EXPLANATION')).getByRole(
        'definition',
      );
      const computed = getComputedStyle(evidence);
      expect(computed.wordBreak).toBe('normal');
      expect(computed.overflowWrap).toBe('anywhere');
    } finally {
      style.remove();
    }
  });
});

describe('Webhooks → tabs', () => {
  it('opens on the debugger and signing tool; arrow keys move between Received and Import logs', () => {
    render(<WebhooksPage />);
    const tabs = screen.getByRole('tablist', { name: 'Webhooks' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Debugger and signing', 'Received', 'Import logs']);
    expect(debuggerRegion()).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Signing tool' })).toBeTruthy();
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('wh-tab-debugger');

    const first = within(tabs).getByRole('tab', { name: 'Debugger and signing' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const received = within(tabs).getByRole('tab', { name: 'Received' });
    expect(received.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(received);
    expect(screen.queryByRole('region', { name: 'Signature debugger' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Receiver' })).toBeTruthy();

    fireEvent.keyDown(received, { key: 'ArrowRight' });
    expect(screen.getByRole('region', { name: 'Import' })).toBeTruthy();
    fireEvent.keyDown(within(tabs).getByRole('tab', { name: 'Import logs' }), { key: 'ArrowLeft' });
    expect(useWebhooksTab.getState().tab).toBe('received');
  });

  it('the debugger keeps what was typed across a tab switch (one store)', () => {
    render(<WebhooksPage />);
    fireEvent.change(within(debuggerRegion()).getByLabelText('Raw body'), { target: { value: '{"a":1}' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Import logs' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Debugger and signing' }));
    expect((within(debuggerRegion()).getByLabelText('Raw body') as HTMLTextAreaElement).value).toBe('{"a":1}');
  });
});
