package io.orderflow.api.faults;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of a local HTTP server (dynalite) that a test can take down and bring back,
 * so that one app context loses DynamoDB while everything else keeps it.
 *
 * <p>Down means unreachable: every open connection is cut and every new one is closed as soon as it
 * is accepted, so clients fail at once instead of waiting for a timeout. The proxy can also be
 * armed to go down at one precise request (say, the next append to the events table), which puts
 * the outage exactly in the middle of a command. It reads requests only far enough to see their
 * {@code X-Amz-Target} header and body; responses pass through untouched.
 */
public final class PausableTcpProxy implements Closeable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dynamodb-proxy");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean down;
  private volatile Trigger trigger;

  /** The request that takes the proxy down: its operation and a text its body contains. */
  private record Trigger(String operation, String bodyContains, CountDownLatch tripped) {}

  private PausableTcpProxy(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
  }

  /** Starts forwarding a free loopback port to {@code targetUrl} (e.g. http://127.0.0.1:8000). */
  public static PausableTcpProxy start(String targetUrl) throws IOException {
    URI uri = URI.create(targetUrl);
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    PausableTcpProxy proxy =
        new PausableTcpProxy(server, new InetSocketAddress(uri.getHost(), uri.getPort()));
    proxy.threads.execute(proxy::acceptLoop);
    return proxy;
  }

  /** The URL clients should use instead of the target's. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Cuts every connection and refuses new ones until {@link #resume()}. */
  public void pause() {
    down = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  public void resume() {
    down = false;
  }

  /**
   * Goes down (as {@link #pause()}) at the first request of {@code operation} (e.g. {@code
   * PutItem}) whose body contains {@code bodyContains}; that request never reaches the server.
   *
   * @return a latch released when the proxy went down
   */
  public CountDownLatch pauseAtNext(String operation, String bodyContains) {
    Trigger armed = new Trigger(operation, bodyContains, new CountDownLatch(1));
    trigger = armed;
    return armed.tripped();
  }

  public static boolean await(CountDownLatch latch, Duration timeout) throws InterruptedException {
    return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    down = true;
    closeQuietly(server);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (down) {
        closeQuietly(client);
        continue;
      }
      threads.execute(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    open.add(client);
    open.add(upstream);
    try {
      upstream.connect(target, 2_000);
      threads.execute(() -> pipe(upstream, client));
      forwardRequests(client, upstream);
    } catch (IOException e) {
      // a cut connection ends here; the client sees the socket close
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      open.remove(client);
      open.remove(upstream);
    }
  }

  // Client to server, one HTTP/1.1 request at a time (keep-alive), so the trigger can see each.
  private void forwardRequests(Socket client, Socket upstream) throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = upstream.getOutputStream();
    while (true) {
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String headers = new String(head, StandardCharsets.ISO_8859_1);
      if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
        // not what the AWS SDK sends; pass the rest of the connection through unread
        out.write(head);
        in.transferTo(out);
        return;
      }
      byte[] body = in.readNBytes(contentLength(headers));
      if (down) {
        return;
      }
      Trigger armed = trigger;
      if (armed != null
          && headers.contains("." + armed.operation() + "\r\n")
          && new String(body, StandardCharsets.UTF_8).contains(armed.bodyContains())) {
        trigger = null;
        pause();
        armed.tripped().countDown();
        return;
      }
      out.write(head);
      out.write(body);
      out.flush();
    }
  }

  private void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // cut
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** The request line and headers up to the blank line, or null at the end of the stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
