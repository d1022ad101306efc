// Live peers prove who they are: two parties in a room each see the other as proven, with the key unconfirmed
// until confirmed; a third device that announces another party's key is shown as not proven and writes no ledger
// row. Runs inside a private network namespace with the project's own signalling server (scripts/e2e.mjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignallingServer } from '../../server/signallingServer.mjs';
import { keyFingerprint } from '../../src/core/fingerprint';
import { JoinPageModel } from './pages/JoinPageModel';
import { useBrowserFixture } from './support/browserFixture';
import { liveDevice } from './support/liveDevice';

describe('live peers prove who they are', () => {
  const fx = useBrowserFixture();
  let signalling: Awaited<ReturnType<typeof startSignallingServer>> | null = null;

  beforeAll(async () => {
    signalling = await startSignallingServer();
  });
  afterAll(async () => {
    await signalling?.close();
  });

  const device = async (name: string, organisation: string, kind: 'Kommune' | 'Leverandør') =>
    new JoinPageModel(await liveDevice(fx, signalling?.port ?? 0, { name, organisation, kind }));

  it("proven peers with unconfirmed keys; a peer announcing another party's key is not proven and writes no ledger row", async () => {
    const a = await device('Mette Holm', 'Aarhus Kommune', 'Kommune');
    const docId = await a.app.createReferat();
    const link = await a.app.invite();
    const b = await device('Bo Lund', 'Systemhuset A/S', 'Leverandør');
    await b.open(link);
    await b.accept(docId);
    const aFingerprint = await keyFingerprint(await a.ownPublicKey());
    const bKey = await b.ownPublicKey();
    const bFingerprint = await keyFingerprint(bKey);

    const bo = { name: 'Bo Lund', organisation: 'Systemhuset A/S', proof: 'proven', text: 'Bo Lund, Systemhuset A/S (ubekræftet) – identitet bevist' };
    const mette = { name: 'Mette Holm', organisation: 'Aarhus Kommune', proof: 'proven', text: 'Mette Holm, Aarhus Kommune (ubekræftet) – identitet bevist' };
    await expect.poll(() => a.peers(), { timeout: 30_000 }).toEqual([bo]);
    await expect.poll(() => b.peers(), { timeout: 30_000 }).toEqual([mette]);
    // Proven peers get a ledger row, under the key they proved.
    await expect.poll(() => a.ledgerParties(docId), { timeout: 20_000 }).toEqual([{ partyId: bFingerprint, name: 'Bo Lund' }]);
    await expect.poll(() => b.ledgerParties(docId), { timeout: 20_000 }).toEqual([{ partyId: aFingerprint, name: 'Mette Holm' }]);

    // A third device keeps its own private key but announces Bo's public key and fingerprint as its own.
    const eve = await device('Eve Ukendt', 'Andet firma', 'Leverandør');
    await eve.pretendToHoldKey(bKey);
    await eve.open(link);
    await eve.accept(docId);
    const notProven = { name: 'Eve Ukendt', organisation: 'Andet firma', proof: 'failed', text: 'Eve Ukendt, Andet firma – identitet ikke bevist' };
    // Its proof was received and refused on both sides ("failed", not merely missing).
    await expect.poll(() => a.peers(), { timeout: 30_000 }).toEqual(expect.arrayContaining([bo, notProven]));
    await expect.poll(() => b.peers(), { timeout: 30_000 }).toEqual(expect.arrayContaining([mette, notProven]));
    // Eve's own view: it proves nothing, but the two real parties are still proven to it.
    await expect.poll(async () => (await eve.peers()).map((p) => `${p.name} ${p.proof}`).toSorted(), { timeout: 30_000 }).toEqual([
      'Bo Lund proven',
      'Mette Holm proven',
    ]);
    // No ledger row was written for what Eve announced: Bo's row still holds Bo.
    expect(await a.ledgerParties(docId)).toEqual([{ partyId: bFingerprint, name: 'Bo Lund' }]);
    expect(await b.ledgerParties(docId)).toEqual([{ partyId: aFingerprint, name: 'Mette Holm' }]);

    // Mette confirms Bo's key in person: Bo is then shown as confirmed, Eve still as not proven.
    await a.confirmKey({ fingerprint: bFingerprint, name: 'Bo Lund', organisation: 'Systemhuset A/S', organisationKind: 'leverandoer' });
    await expect
      .poll(() => a.peers(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([{ ...bo, text: 'Bo Lund, Systemhuset A/S (bekræftet) – identitet bevist' }, notProven]));
    expect(await a.ledgerParties(docId)).toEqual([{ partyId: bFingerprint, name: 'Bo Lund' }]);
  });
});
