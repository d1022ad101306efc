// TR1: the trust check (src/core/checkTrust.ts). (a) Opening a referat with 20 approvals and 50 claimed authors:
// verifying every approval and claim and deriving the status, against one WebCrypto verification times their number.
// (b) The status the library index projects for 10,000 referater (checkTrustSync, signatures already verified),
// against reading the stored meta.status of the same documents.
import * as Y from 'yjs';
import { alternate, timeAsync, timeSync } from '../alternate.mjs';
import { coreModules, trustModules } from '../appModules.mjs';
import { fmtMs } from '../format.mjs';
import { makeRow, medianOf } from '../rows.mjs';
import { createSigner } from '../signer.mjs';

const APPROVALS = 20;
const AUTHORS = 50;

/**
 * @param {import('../context.mjs').BenchContext} ctx
 * @returns {Promise<import('../rows.mjs').Row[]>}
 */
export async function run(ctx) {
  const core = await coreModules();
  const t = await trustModules();
  const rounds = ctx.quick ? 3 : 7;
  const libraryCount = ctx.quick ? 1_000 : 10_000;

  /** One referat as a peer's copy arrives: 50 authors each claiming its client id and typing, 20 approvals. */
  const build = async (/** @type {number} */ seed, approvals = APPROVALS, authors = AUTHORS) => {
    const id = `6f1c2b1e-0000-4000-8000-${String(seed).padStart(12, '0')}`;
    const origin = core.newReferatDoc();
    core.initReferat(origin, { id, title: `Driftsmøde ${seed}`, date: '2026-03-04', createdAt: '2026-03-04T10:00:00Z', template: core.STANDARD_TEMPLATE, creator: { name: 'Forfatter 0', organisation: 'Organisation 0', organisationKind: 'kommune' } });
    /** @type {Array<{ fingerprint: string, name: string, organisation: string, organisationKind: 'kommune', confirmedBy: 'inPerson', confirmedAt: string }>} */
    const keys = [];
    const signers = [];
    for (let a = 0; a < authors; a++) {
      const signer = await createSigner();
      signers.push(signer);
      const session = core.newReferatDoc();
      Y.applyUpdate(session, Y.encodeStateAsUpdate(origin));
      t.writeClaim(session, await t.signClaim(signer, session.clientID, id));
      core.bodyFragment(session).insert(0, [new Y.XmlText(`Forfatter ${a} skrev dette afsnit.`)]);
      Y.applyUpdate(origin, Y.encodeStateAsUpdate(session));
      const name = `Forfatter ${a}`;
      const organisation = `Organisation ${a % approvals}`;
      if (a < approvals) t.addParticipant(origin, { name, organisation, organisationKind: 'kommune', role: '', present: true });
      keys.push({ fingerprint: await t.keyFingerprint(signer.publicKey), name, organisation, organisationKind: 'kommune', confirmedBy: 'inPerson', confirmedAt: '2026-03-01T00:00:00Z' });
    }
    for (let a = 0; a < approvals; a++) {
      const s = /** @type {import('../appModules.mjs').Signer} */ (signers[a]);
      await t.approve(origin, { name: `Forfatter ${a}`, organisation: `Organisation ${a}`, organisationKind: 'kommune' }, s);
    }
    return { update: Y.encodeStateAsUpdate(origin), dir: t.keyDirectory(keys), signers };
  };

  // (a) Each round opens a different referat, so no signature is already known to this process.
  /** @type {Array<{ update: Uint8Array, dir: unknown }>} */
  const inputs = [];
  for (let r = 0; r < rounds * 2; r++) inputs.push(await build(r));
  const verifyKey = await createSigner();
  const message = new TextEncoder().encode('x'.repeat(600));
  const sig = new Uint8Array(await verifyKey.sign(message));
  const subtle = globalThis.crypto.subtle;
  let ai = 0;
  let status = '';
  const open = await alternate(
    rounds,
    async () => {
      const input = /** @type {{ update: Uint8Array, dir: unknown }} */ (inputs[ai++]);
      const doc = core.newReferatDoc();
      Y.applyUpdate(doc, input.update);
      const ms = await timeAsync(async () => {
        const trust = await t.checkTrust(doc, input.dir);
        status = trust.status;
      });
      return ms;
    },
    async () =>
      timeAsync(async () => {
        // The floor: one key import and one verification per signature, as few as any verifier needs.
        for (let i = 0; i < APPROVALS + AUTHORS; i++) {
          const key = await subtle.importKey('jwk', verifyKey.publicKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
          if (!(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, message))) throw new Error('TR1: floor signature');
        }
      }),
    { onRound: (r, a, f) => ctx.log(`open round ${r + 1}/${rounds}: trust ${fmtMs(a ?? 0)}, verify×${APPROVALS + AUTHORS} ${fmtMs(f ?? 0)}`) },
  );
  if (status !== 'approved') throw new Error(`TR1: the referat with ${APPROVALS} confirmed approvals reads as ${status}`);

  // (b) The library: every referat verified once (as on open), then the synchronous status the index projects.
  const small = await build(9999, 2, 2);
  /** @type {import('yjs').Doc[]} */
  const docs = [];
  for (let i = 0; i < libraryCount; i++) {
    const d = core.newReferatDoc();
    Y.applyUpdate(d, small.update);
    docs.push(d);
  }
  await t.checkTrust(/** @type {import('yjs').Doc} */ (docs[0]), small.dir);
  let approved = 0;
  const library = await alternate(
    rounds,
    () => timeSync(() => { approved = 0; for (const d of docs) if (t.checkTrustSync(d, small.dir).status === 'approved') approved++; }),
    () => timeSync(() => { let n = 0; for (const d of docs) if (t.readMeta(d).status === 'draft') n++; return n; }),
    { onRound: (r, a, f) => ctx.log(`library round ${r + 1}/${rounds}: trust ${fmtMs(a ?? 0)}, meta ${fmtMs(f ?? 0)}`) },
  );
  if (approved !== libraryCount) throw new Error(`TR1: ${approved} of ${libraryCount} library referater read as approved`);

  return [
    makeRow({
      id: 'TR1',
      label: `open: verify ${APPROVALS} approvals and ${AUTHORS} claims, derive the status`,
      unit: 'ms',
      app: medianOf(open.app),
      floor: medianOf(open.floor),
      floorLabel: `${APPROVALS + AUTHORS} × (WebCrypto importKey + verify), ECDSA P-256`,
      rounds: `${rounds} + ${rounds} (ABBA), a new referat each round`,
      target: 'context, no target',
      met: null,
      note: 'checkTrust on a fresh copy: approval and claim signatures, referat id, current content hash, key directory, required organisations from the history',
    }),
    makeRow({
      id: 'TR1',
      label: `library status of ${libraryCount.toLocaleString('en')} referater (2 approvals, 2 claimed authors each)`,
      unit: 'ms',
      app: medianOf(library.app),
      floor: medianOf(library.floor),
      floorLabel: 'readMeta(doc).status of the same documents',
      rounds: `${rounds} + ${rounds} (ABBA)`,
      target: 'context, no target',
      met: null,
      note: 'checkTrustSync per referat, signatures already verified on this device (as the index projection runs)',
    }),
  ];
}
