/** Ports nobody listens on, for addresses that must refuse: taken from the OS, never assumed closed. */
import net from "node:net";

/** `count` distinct ports: each listened on (port 0) at once, so the OS hands out different ones, then freed. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net
            .createServer()
            .once("error", reject)
            .listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}
