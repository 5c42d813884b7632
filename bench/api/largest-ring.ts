/** The ring with the most accounts, asked of a running server's API. */
export async function largestRing(url: string): Promise<{ id: string; size: number }> {
  const response = await fetch(`${url}/api/rings?sort=size&limit=1`);
  const body = (await response.json()) as { rings?: { id: string; size: number }[] };
  const ring = body.rings?.[0];
  if (!response.ok || !ring)
    throw new Error(`bench: ${url}/api/rings?sort=size found no ring (status ${response.status}); was the store analysed?`);
  return { id: ring.id, size: ring.size };
}
