/** The ring with the most accounts, and one of its members' email (what an analyst would search for), asked of a running server's API. */
export async function largestRing(url: string): Promise<{ id: string; size: number; memberEmail: string }> {
  const response = await fetch(`${url}/api/rings?sort=size&limit=1`);
  const body = (await response.json()) as { rings?: { id: string; size: number }[] };
  const ring = body.rings?.[0];
  if (!response.ok || !ring)
    throw new Error(`bench: ${url}/api/rings?sort=size found no ring (status ${response.status}); was the store analysed?`);
  const detail = (await (await fetch(`${url}/api/rings/${encodeURIComponent(ring.id)}`)).json()) as {
    members?: { id: string; email: string | null }[];
  };
  const member = detail.members?.find((m) => m.email) ?? detail.members?.[0];
  return { id: ring.id, size: ring.size, memberEmail: member?.email ?? member?.id ?? ring.id };
}
