package io.orderflow.workers.temporal;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Temporal's Java test server in real time (time skipping locked off), bound to one address. The
 * stock {@code TestServer.main} listens on every interface and cannot be told otherwise; this
 * launcher builds the same services behind a server bound to loopback.
 *
 * <p>It keeps everything in memory: workflows survive a restart of the app or a killed worker, not
 * a restart of this server.
 */
public final class LocalTemporalServer implements Closeable {
  public static final String NAMESPACE = "default";

  /** The custom search attributes the DR workflows upsert, so the Web UI can filter on them. */
  public static final Map<String, IndexedValueType> SEARCH_ATTRIBUTES =
      Map.of(
          "OrderflowOperation", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "OrderflowPhase", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "OrderId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

  private final TestServicesStarter services;
  private final Server server;

  private LocalTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /**
   * Starts a server on {@code host:port} (port 0 picks a free one) and registers orderflow's search
   * attributes on it.
   */
  public static LocalTemporalServer start(InetAddress host, int port) throws IOException {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    LocalTemporalServer started = new LocalTemporalServer(services, builder.build().start());
    started.registerSearchAttributes();
    return started;
  }

  public String target() {
    InetSocketAddress address = (InetSocketAddress) server.getListenSockets().get(0);
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  private void registerSearchAttributes() {
    ManagedChannel channel = ManagedChannelBuilder.forTarget(target()).usePlaintext().build();
    try {
      OperatorServiceGrpc.newBlockingStub(channel)
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(NAMESPACE)
                  .putAllSearchAttributes(SEARCH_ATTRIBUTES)
                  .build());
    } finally {
      channel.shutdownNow();
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
    services.close();
  }

  /**
   * Runs the server until the process is stopped. Arguments: {@code [port] [host]}, defaults 7233
   * and 127.0.0.1.
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7233;
    InetAddress host = InetAddress.getByName(args.length > 1 ? args[1] : "127.0.0.1");
    LocalTemporalServer server = start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.println("orderflow local Temporal server listening on " + server.target());
    stopped.await();
  }
}
