/**
 * Typed calls to the ringlens HTTP API (`/api/...`), one function per endpoint. Errors come
 * back as ApiError carrying the server's `{error:{code,message}}`; network failures get code
 * "network". Imports only the wire types, type-only; no DOM.
 */
import type {
  AlertList,
  AlertRecord,
  AlertStatus,
  ApiErrorBody,
  CaseStatus,
  CaseView,
  QueryInfo,
  QueryRunResult,
  RingDetail,
  RingPage,
  SearchHit,
  StatsResponse,
  WireGraph,
  WireNodeAttributes,
} from "../../../wire/wire-types.ts";

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface RingQuery {
  level?: string;
  minScore?: number;
  minSize?: number;
  country?: string;
  caseStatus?: string;
  sort?: "score" | "size" | "value";
  limit?: number;
  offset?: number;
}

export type Stats = StatsResponse;

type Params = Record<string, string | number | undefined>;

function url(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return `/api${path}${text ? `?${text}` : ""}`;
}

async function request<T>(target: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(target, { headers: { accept: "application/json" }, ...init });
  } catch (cause) {
    throw new ApiError("network", `API: cannot reach the server (${String(cause)})`, 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ApiErrorBody> | null)?.error;
    throw new ApiError(
      error?.code ?? `http-${response.status}`,
      error?.message ?? `API: ${response.status} ${response.statusText} for ${target}`,
      response.status,
    );
  }
  return body as T;
}

const part = encodeURIComponent;

export const api = {
  rings: (query: RingQuery) => request<RingPage>(url("/rings", { ...query })),
  ring: (id: string) => request<RingDetail>(url(`/rings/${part(id)}`)),
  ringGraph: (id: string, limit?: number) => request<WireGraph>(url(`/rings/${part(id)}/graph`, { limit })),
  node: (type: string, id: string) => request<{ node: WireNodeAttributes }>(url(`/nodes/${part(type)}/${part(id)}`)),
  neighbors: (type: string, id: string, depth: 1 | 2 = 1, limit?: number) =>
    request<WireGraph>(url(`/nodes/${part(type)}/${part(id)}/neighbors`, { depth, limit })),
  search: (q: string, limit = 20) => request<{ hits: SearchHit[] }>(url("/search", { q, limit })),
  queries: () => request<{ queries: QueryInfo[] }>(url("/queries")),
  runQuery: (name: string, params: Record<string, unknown>) =>
    request<QueryRunResult>(url(`/queries/${part(name)}/run`), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ params }),
    }),
  stats: () => request<Stats>(url("/stats")),
  saveCase: (ringId: string, change: { status: CaseStatus; assignee?: string | null; note?: string }, token: string) =>
    request<CaseView>(url(`/rings/${part(ringId)}/case`), write("PUT", change, token)),
  alerts: (status?: AlertStatus) => request<AlertList>(url("/alerts", { status })),
  setAlert: (id: string, status: AlertStatus, token: string) =>
    request<AlertRecord>(url(`/alerts/${part(id)}`), write("PUT", { status }, token)),
};

/** A JSON write with the analyst's token; the token goes only into this header. */
function write(method: "PUT" | "POST", body: unknown, token: string): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  };
}

export type Api = typeof api;
