// A bounded load on a signalling server, for its load test and bench SG1: many sockets from many loopback
// addresses, subscribe floods, publish floods, readers that never read, and honest pairs timing their messages.
import { WebSocket } from 'ws';

/**
 * @typedef {object} LoadPlan
 * @property {string[]} addresses local addresses the hostile sockets come from (127.0.0.2, 127.0.0.3, …)
 * @property {number} socketsPerAddress sockets tried from each of them (more than the cap shows the refusals)
 * @property {number} topicFlooders sockets that each send `topicFloodMessages` subscribes of about 60 KiB of topics
 * @property {number} topicFloodMessages
 * @property {number} publishFlooders sockets that each publish `publishesPerFlooder` messages of `publishBytes`
 * @property {number} publishesPerFlooder
 * @property {number} publishBytes
 * @property {number} slowReaders sockets subscribed to the flood topic and every honest topic that never read
 * @property {number} honestPairs pairs from 127.0.0.1: one publishes, the other times the arrival
 * @property {number} honestMessages per pair
 * @property {number} honestIntervalMs between one pair's messages
 * @property {number} deadlineMs the load gives up waiting for honest messages after this
 */

/**
 * @typedef {object} LoadResult
 * @property {number} attempted hostile sockets tried
 * @property {number} connected hostile sockets the server let in
 * @property {Record<string, number>} refusedByStatus handshakes refused, by HTTP status
 * @property {number} honestSent
 * @property {number} honestReceived
 * @property {number[]} latencies ms from publish to arrival at the other member of the pair
 * @property {number} elapsedMs
 * @property {() => void} close terminates every socket the load opened
 */

const FLOOD_TOPIC = 'referat-flood';
const SUBSCRIBE_BYTES = 60 * 1024;

/**
 * @param {string} url
 * @param {string | undefined} localAddress
 * @returns {Promise<{ ws: WebSocket } | { status: string }>}
 */
function open(url, localAddress) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, localAddress ? { localAddress } : {});
    let status = 'error';
    ws.on('unexpected-response', (_req, res) => {
      status = String(res.statusCode);
      ws.terminate();
    });
    ws.on('error', () => resolve({ status }));
    ws.on('close', () => resolve({ status }));
    ws.once('open', () => resolve({ ws }));
  });
}

/**
 * Resolves once the server has handled everything this socket sent before (its pong came back).
 * @param {WebSocket} ws
 * @returns {Promise<void>}
 */
function roundTrip(ws) {
  return new Promise((resolve) => {
    /** @param {import('ws').RawData} data */
    const onMessage = (data) => {
      if (String(data) === '{"type":"pong"}') {
        ws.off('message', onMessage);
        resolve();
      }
    };
    ws.on('message', onMessage);
    ws.once('close', () => resolve());
    ws.send('{"type":"ping"}');
  });
}

/**
 * @param {number} socket
 * @param {number} message
 * @returns {string} a subscribe message of about 60 KiB of short, distinct topics
 */
function subscribeFlood(socket, message) {
  /** @type {string[]} */
  const topics = [];
  let bytes = 40;
  for (let n = 0; bytes < SUBSCRIBE_BYTES; n++) {
    const topic = `f${socket}.${message}.${n}`;
    topics.push(topic);
    bytes += topic.length + 3;
  }
  return JSON.stringify({ type: 'subscribe', topics });
}

/**
 * @param {string} url
 * @param {LoadPlan} plan
 * @returns {Promise<LoadResult>}
 */
export async function runSignallingLoad(url, plan) {
  const started = performance.now();
  /** @type {WebSocket[]} */
  const sockets = [];
  /** @type {Record<string, number>} */
  const refusedByStatus = {};
  const close = () => {
    for (const ws of sockets) ws.terminate();
  };

  try {
    // Honest pairs first, from an address the load does not fill.
    /** @type {Array<{ from: WebSocket, to: WebSocket, topic: string }>} */
    const pairs = [];
    for (let p = 0; p < plan.honestPairs; p++) {
      const topic = `referat-honest-${p}`;
      const [a, b] = await Promise.all([open(url, '127.0.0.1'), open(url, '127.0.0.1')]);
      if (!a || !b || !('ws' in a) || !('ws' in b)) throw new Error('an honest client could not connect');
      sockets.push(a.ws, b.ws);
      for (const ws of [a.ws, b.ws]) ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
      await Promise.all([roundTrip(a.ws), roundTrip(b.ws)]);
      pairs.push({ from: a.ws, to: b.ws, topic });
    }

    // Hostile sockets, spread over the addresses.
    /** @type {WebSocket[]} */
    const hostile = [];
    let attempted = 0;
    for (const address of plan.addresses) {
      const tries = [];
      for (let s = 0; s < plan.socketsPerAddress; s++) tries.push(open(url, address));
      attempted += tries.length;
      for (const outcome of await Promise.all(tries)) {
        if ('ws' in outcome) {
          hostile.push(outcome.ws);
          sockets.push(outcome.ws);
        } else {
          refusedByStatus[outcome.status] = (refusedByStatus[outcome.status] ?? 0) + 1;
        }
      }
    }
    for (const ws of hostile) ws.on('error', () => {});

    // Readers that subscribe to everything, then never read again.
    const slow = hostile.slice(0, plan.slowReaders);
    const honestTopics = pairs.map((pair) => pair.topic);
    for (const ws of slow) ws.send(JSON.stringify({ type: 'subscribe', topics: [FLOOD_TOPIC, ...honestTopics] }));
    await Promise.all(slow.map((ws) => roundTrip(ws)));
    for (const ws of slow) ws.pause();

    // Floods, sent without waiting.
    const rest = hostile.slice(plan.slowReaders);
    rest.slice(0, plan.topicFlooders).forEach((ws, s) => {
      for (let m = 0; m < plan.topicFloodMessages; m++) ws.send(subscribeFlood(s, m));
    });
    const data = 'x'.repeat(plan.publishBytes);
    for (const ws of rest.slice(plan.topicFlooders, plan.topicFlooders + plan.publishFlooders)) {
      for (let m = 0; m < plan.publishesPerFlooder; m++) ws.send(JSON.stringify({ type: 'publish', topic: FLOOD_TOPIC, data }));
    }

    // Honest traffic meanwhile.
    /** @type {number[]} */
    const latencies = [];
    let honestSent = 0;
    const deadline = started + plan.deadlineMs;
    await Promise.all(
      pairs.map(
        (pair) =>
          new Promise((resolve) => {
            /** @type {Set<number>} */
            const seen = new Set();
            const finish = () => {
              pair.to.off('message', onMessage);
              clearInterval(ticker);
              clearTimeout(giveUp);
              resolve(undefined);
            };
            /** @param {import('ws').RawData} raw */
            const onMessage = (raw) => {
              const message = JSON.parse(String(raw));
              const body = message?.data;
              if (message?.type !== 'publish' || typeof body?.seq !== 'number' || seen.has(body.seq)) return;
              seen.add(body.seq);
              latencies.push(performance.now() - body.sentAt);
              if (seen.size === plan.honestMessages) finish();
            };
            pair.to.on('message', onMessage);
            let seq = 0;
            const ticker = setInterval(() => {
              if (seq >= plan.honestMessages) return;
              pair.from.send(JSON.stringify({ type: 'publish', topic: pair.topic, data: { seq, sentAt: performance.now() } }));
              seq += 1;
              honestSent += 1;
            }, plan.honestIntervalMs);
            const giveUp = setTimeout(finish, Math.max(0, deadline - performance.now()));
          }),
      ),
    );
    return {
      attempted,
      connected: hostile.length,
      refusedByStatus,
      honestSent,
      honestReceived: latencies.length,
      latencies,
      elapsedMs: performance.now() - started,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
