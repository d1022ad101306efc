// Which of some ws:/wss: addresses this page's Content-Security-Policy forbids it to connect to: each is tried once
// with a WebSocket that is closed at once, and a policy violation (an event, or a thrown SecurityError) marks it.
const WAIT_MS = 400;

function blocked(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    let socket: WebSocket | null = null;
    const finish = (result: boolean) => {
      if (done) return;
      done = true;
      document.removeEventListener('securitypolicyviolation', onViolation);
      clearTimeout(timer);
      try {
        socket?.close();
      } catch {
        // Never opened: nothing to close.
      }
      resolve(result);
    };
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (e.effectiveDirective === 'connect-src') finish(true);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    const timer = setTimeout(() => finish(false), WAIT_MS);
    try {
      socket = new WebSocket(url);
      // An open or a refused connection both mean the policy let it through.
      socket.onopen = () => finish(false);
    } catch (e) {
      finish(e instanceof DOMException && e.name === 'SecurityError');
    }
  });
}

export async function blockedByPolicy(urls: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const url of urls) if (await blocked(url)) out.push(url);
  return out;
}
