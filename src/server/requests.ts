/**
 * The routes every kind of request has, over the store: create (once per idempotency key, on any
 * instance), read one, list the person's, look up many, withdraw. Each Altinn API (consent, access
 * through Altinn 3 or 2 …) supplies only what is its own: how a request is created in Altinn, read
 * back and withdrawn, in a {@link RequestKindApi}. Every answer is the request view.
 */
import { readValidBody } from './body.js';
import { json, ProblemError } from './problem.js';
import {
  FINAL_STATUSES,
  listQuerySchema,
  lookupBodySchema,
  validate,
  type RequestKind,
  type RequestView,
} from './schemas.js';
import { bodyDigest } from './store/digests.js';
import {
  InvalidCursorError,
  type NewRequest,
  type RequestChange,
  type RequestFilter,
  type RequestRecord,
} from './store/request-store.js';
import type { HandlerModule, Route, RouteContext } from './types.js';

/** What one Altinn API does for one kind of request. */
export interface RequestKindApi<Body> {
  kind: RequestKind;
  /** Reads and checks the browser's body; nothing is sent to Altinn yet. */
  readBody(context: RouteContext): Promise<Body>;
  /** The key that makes a retry the same request (a header), or none. */
  idempotencyKey?(context: RouteContext): string | undefined;
  /** Creates the request in Altinn; answers what to remember. */
  create(context: RouteContext, body: Body): Promise<NewRequest>;
  /**
   * After a try whose answer was lost: the request it may have created, if Altinn has it. Without
   * this, creating again must be safe (Altinn's own idempotency).
   */
  recover?(context: RouteContext, body: Body): Promise<NewRequest | undefined>;
  /** What Altinn says of the request now. */
  refresh(context: RouteContext, record: RequestRecord): Promise<RequestChange>;
  /** Withdraws the request in Altinn, if this API can. */
  withdraw?(context: RouteContext, record: RequestRecord): Promise<RequestChange>;
  /** The list filters this kind reads from the query. */
  filters: readonly (keyof RequestFilter)[];
  /**
   * Access only: whether this API's requests name Altinn 2 services (`true`) or Altinn 3 rights
   * (`false`). Handlers of both APIs may share one store: each reads, lists and refreshes only its
   * own requests (one asking Altinn 2 about an Altinn 3 request would also hold back the other's
   * refresh of it).
   */
  services?: boolean;
}

/** Seconds a request is not read from Altinn again, however many readers ask. */
const REFRESH_INTERVAL_SECONDS = 2;
/**
 * The same for a read that asks for Altinn's word now (`?refresh=true`): short enough for a person
 * back from Altinn, long enough that a client repeating it cannot make the backend hammer Altinn.
 */
const FORCED_REFRESH_SECONDS = 0.25;
/** How long a call waits for another call (on any instance) creating under the same key. */
const KEY_WAIT_MILLISECONDS = 10_000;
/** Open requests of one list or lookup read from Altinn at once. */
const REFRESH_CONCURRENCY = 8;

const FINAL: ReadonlySet<string> = new Set(FINAL_STATUSES);
/** What an id may look like (Altinn's GUIDs, the elements' UUIDs); anything else is no request. */
const REQUEST_ID = /^[A-Za-z0-9._~-]{1,200}$/;

const notFound = () => new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });

/** A final request keeps its status: withdrawing one changes nothing. */
export const alreadyFinal = (status: string) =>
  new ProblemError({
    status: 409,
    code: 'request-final',
    title: 'The request is already answered',
    detail: `The request is ${status}; only an open request can be withdrawn.`,
  });

/** The view of a remembered request; an accepted one past its validity reads `expired`. */
export function viewOf(record: RequestRecord, now: number): RequestView {
  const expired =
    record.status === 'accepted' &&
    record.validTo !== undefined &&
    Date.parse(record.validTo) <= now;
  const status = expired ? 'expired' : record.status;
  const open = status === 'created' || status === 'pending';
  return {
    kind: record.kind,
    id: record.id,
    status,
    // The link to act in Altinn only while there is something to do there.
    ...(record.url && open ? { url: record.url } : {}),
    ...(record.navigation ? { navigation: record.navigation } : {}),
    ...(record.validTo ? { validTo: record.validTo } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    subject: record.subject,
  };
}

/** Whether a failed creation may still have reached Altinn (no answer, a time-out, Altinn's 5xx). */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ProblemError) || error.problem.status >= 500;
}

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** The routes of one kind: `/{kind}-requests`, `/{kind}-requests/{id}`, `/{kind}-requests/lookup`. */
export function requestRoutes<Body>(api: RequestKindApi<Body>): HandlerModule {
  const { kind, services } = api;
  const base = `/${kind}-requests`;
  /** Whether a record of this kind is this API's (see `services`). */
  const mine = (record: RequestRecord): boolean =>
    services === undefined || 'services' in record.subject === services;

  /** The record, read again from Altinn when it may have moved (at most once per interval). */
  async function fresh(
    context: RouteContext,
    record: RequestRecord,
    interval = REFRESH_INTERVAL_SECONDS,
  ): Promise<RequestRecord> {
    if (FINAL.has(record.status)) return record;
    // Refreshed within the window by some reader: no need to ask the database to claim it.
    if (Date.parse(record.refreshedAt) > context.now() - interval * 1000) {
      return record;
    }
    const { person } = context.identity;
    if (!(await context.store.claimRefresh(person, kind, record.id, interval))) {
      return record;
    }
    const change = await api.refresh(context, record);
    // Mostly nothing moved: no write then.
    const same =
      change.status === record.status &&
      (change.url === undefined || change.url === record.url) &&
      (change.validTo === undefined || change.validTo === record.validTo);
    if (same) return record;
    return (await context.store.update(person, kind, record.id, change)) ?? record;
  }

  /** Many records refreshed, a few at a time; one that Altinn cannot answer keeps its known status. */
  async function freshAll(
    context: RouteContext,
    records: RequestRecord[],
  ): Promise<RequestRecord[]> {
    const result = [...records];
    let next = 0;
    const worker = async () => {
      while (next < result.length) {
        const index = next++;
        const record = result[index] as RequestRecord;
        try {
          result[index] = await fresh(context, record);
        } catch (error) {
          context.onError(error);
        }
      }
    };
    await Promise.all(Array.from({ length: REFRESH_CONCURRENCY }, worker));
    return result;
  }

  async function remember(context: RouteContext, request: NewRequest): Promise<RequestRecord> {
    const { person } = context.identity;
    const record =
      (await context.store.insert(person, request)) ??
      (await context.store.get(person, kind, request.id));
    // The id is someone else's (a consent id reused by another person): never show theirs.
    if (!record) {
      throw new ProblemError({
        status: 409,
        code: 'id-taken',
        title: 'Id already used',
        detail: 'This id belongs to another request; make a new one.',
      });
    }
    return record;
  }

  async function createOnce(
    context: RouteContext,
    body: Body,
    key: string,
  ): Promise<RequestRecord> {
    const { person } = context.identity;
    const digest = await bodyDigest(body);
    const deadline = Date.now() + KEY_WAIT_MILLISECONDS;
    for (;;) {
      const claim = await context.store.claimKey(person, kind, key, digest);
      if (claim.outcome === 'reused') {
        throw new ProblemError({
          status: 422,
          code: 'idempotency-key-reused',
          title: 'Idempotency-Key used for another request',
          detail:
            'This Idempotency-Key was first sent with another body; use a new key for a new request.',
        });
      }
      if (claim.outcome === 'done') return claim.request;
      if (claim.outcome === 'busy') {
        // Another call, here or on another instance, is creating it: its answer is this one's.
        if (Date.now() > deadline) {
          throw new ProblemError({
            status: 409,
            code: 'idempotency-key-busy',
            title: 'The same request is being created',
            detail: 'Try again in a moment with the same Idempotency-Key.',
          });
        }
        await sleep(100);
        continue;
      }
      try {
        const recovered =
          claim.takenOver && api.recover ? await api.recover(context, body) : undefined;
        const record = await remember(context, recovered ?? (await api.create(context, body)));
        await context.store.completeKey(person, kind, key, record.id);
        return record;
      } catch (error) {
        // A definite "no" frees the key; after an unknown outcome the next try looks first.
        if (outcomeUnknown(error)) await context.store.abandonKey(person, kind, key);
        else await context.store.releaseKey(person, kind, key);
        throw error;
      }
    }
  }

  async function create(context: RouteContext): Promise<Response> {
    const body = await api.readBody(context);
    const key = api.idempotencyKey?.(context);
    if (key !== undefined)
      return json(viewOf(await createOnce(context, body, key), context.now()), 201);
    // Without a key the body's id makes a retry the same request (Altinn's own idempotency).
    const request = await api.create(context, body);
    const inserted = await context.store.insert(context.identity.person, request);
    if (inserted) return json(viewOf(inserted, context.now()), 201);
    const existing = await remember(context, request);
    return json(viewOf(await fresh(context, existing), context.now()), 200);
  }

  /** The person's request with the path's id; 404 for anyone else's, or an id no request has. */
  async function own(context: RouteContext): Promise<RequestRecord> {
    const id = context.params[0] ?? '';
    const record = REQUEST_ID.test(id)
      ? await context.store.get(context.identity.person, kind, id)
      : undefined;
    if (!record || !mine(record)) throw notFound();
    return record;
  }

  async function read(context: RouteContext): Promise<Response> {
    const record = await own(context);
    // `?refresh=true` (the elements send it on the return from Altinn and on a retry): the person
    // may have answered a moment ago, so Altinn is asked whoever read it within the interval.
    const now = new URL(context.request.url).searchParams.get('refresh') === 'true';
    return json(
      viewOf(await fresh(context, record, now ? FORCED_REFRESH_SECONDS : undefined), context.now()),
    );
  }

  async function list(context: RouteContext): Promise<Response> {
    const query = Object.fromEntries(new URL(context.request.url).searchParams);
    const parsed = validate(listQuerySchema, query);
    if (!parsed.success) {
      throw new ProblemError({
        status: 400,
        code: 'invalid-query',
        title: 'Invalid list query',
        detail: parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '),
        errors: parsed.problems,
      });
    }
    const { state, limit, cursor, ...filters } = parsed.data;
    const unread = Object.keys(filters).filter(
      (name) => !api.filters.includes(name as keyof RequestFilter),
    );
    if (unread.length) {
      throw new ProblemError({
        status: 400,
        code: 'invalid-query',
        title: 'Invalid list query',
        detail: `${unread.join(', ')}: not a filter of ${kind} requests.`,
      });
    }
    let page;
    try {
      page = await context.store.list(context.identity.person, kind, {
        ...filters,
        ...(services === undefined ? {} : { services }),
        state,
        limit,
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new ProblemError({
        status: 400,
        code: 'invalid-query',
        title: 'Invalid list query',
        detail: 'cursor: not one this list gave.',
      });
    }
    const items = (await freshAll(context, page.items)).map((record) =>
      viewOf(record, context.now()),
    );
    // A request refreshed into another state leaves a list of that state.
    const wanted = items.filter(
      (view) => state === 'all' || (state === 'final') === FINAL.has(view.status),
    );
    return json({ items: wanted, ...(page.next ? { next: page.next } : {}) });
  }

  async function lookup(context: RouteContext): Promise<Response> {
    const { ids } = await readValidBody(context, lookupBodySchema, {
      title: 'Invalid lookup',
      serverFields: [],
    });
    const records = await context.store.lookup(context.identity.person, kind, [...new Set(ids)]);
    const items = (await freshAll(context, records.filter(mine))).map((record) =>
      viewOf(record, context.now()),
    );
    return json({ items });
  }

  async function withdraw(context: RouteContext): Promise<Response> {
    const { person } = context.identity;
    const record = await own(context);
    if (!api.withdraw) throw notFound();
    const { status } = viewOf(record, context.now());
    if (FINAL.has(status)) throw alreadyFinal(status);
    const change = await api.withdraw(context, record);
    const updated = (await context.store.update(person, kind, record.id, change)) ?? record;
    return json(viewOf(updated, context.now()));
  }

  const routes: Route[] = [
    { method: 'POST', path: new RegExp(`^${base}/?$`), handle: create },
    { method: 'GET', path: new RegExp(`^${base}/?$`), handle: list },
    { method: 'POST', path: new RegExp(`^${base}/lookup$`), handle: lookup },
    { method: 'GET', path: new RegExp(`^${base}/(?!lookup$)([^/]+)$`), handle: read },
  ];
  if (api.withdraw) {
    routes.push({
      method: 'DELETE',
      path: new RegExp(`^${base}/(?!lookup$)([^/]+)$`),
      handle: withdraw,
    });
  }
  return { routes };
}
