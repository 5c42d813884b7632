import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A disposable Neo4j 5 community server in one JVM, for `npm run neo4j:local` and the tests.
 * Started by tools/neo4j/neo4j-local.ts, which writes the settings file and owns every choice
 * (port, memory, plugins); this file only starts the database with them, sets the password of
 * the `neo4j` user, prints `ringlens-neo4j: ready HOST:PORT` once Bolt serves (the port the OS
 * gave when the settings ask for port 0), and on SIGTERM or Ctrl+C
 * shuts the database down cleanly (a JVM shutdown hook) before the process ends.
 *
 * Run as a single source file (`java -cp CLASSPATH LocalNeo4j.java HOME CONF PASSWORD`), so
 * there is nothing to compile or package.
 */
public final class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: LocalNeo4j HOME_DIR SETTINGS_FILE PASSWORD");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    Path settings = Path.of(args[1]);
    String password = args[2];

    // A disposable server must not outlive whoever started it (a test runner killed at its
    // timeout, a terminal closed): when the parent process ends, shut down as on SIGTERM.
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
      System.out.println("ringlens-neo4j: the process that started me has ended");
      System.exit(0);
    }));

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .loadPropertiesFromFile(settings)
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("ringlens-neo4j: shutting down");
      service.shutdown();
      System.out.println("ringlens-neo4j: stopped");
      stopped.countDown();
    }));

    try {
      setPassword(service, password);
    } catch (RuntimeException e) {
      // Neo4j's own threads would keep a JVM alive whose main thread failed: end it, said why.
      System.err.println("ringlens-neo4j: cannot set the password of user neo4j: " + e.getMessage());
      System.exit(1);
    }

    // build() returns once the databases and connectors have started, so Bolt answers now.
    // The port register is internal API (the test harness reads it the same way); it is the only
    // way to learn which port the OS gave for :0, which keeps parallel runs off each other's ports.
    GraphDatabaseAPI system = (GraphDatabaseAPI) service.database("system");
    var bolt = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
    System.out.println("ringlens-neo4j: ready " + bolt.getHost() + ":" + bolt.getPort());
    stopped.await();
  }

  /**
   * A new store has the user neo4j with password "neo4j" that must be changed at first login;
   * setting it here (as `neo4j-admin dbms set-initial-password` would) leaves nothing to change.
   * A kept store (--data) may hold this password already, which Neo4j refuses to "change".
   */
  private static void setPassword(DatabaseManagementService service, String password) {
    try {
      service.database("system").executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
    }
  }
}
