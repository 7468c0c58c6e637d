import { SignatureDebugger } from './SignatureDebugger.tsx';
import { SigningTool } from './SigningTool.tsx';
import './webhooks.css';

/** Webhooks: the signature debugger and the signing tool (the local receiver is a separate piece of work). */
export function WebhooksPage() {
  return (
    <section aria-labelledby="page-title" className="page webhooks-page">
      <h1 id="page-title">Webhooks</h1>
      <SignatureDebugger />
      <SigningTool />
    </section>
  );
}
