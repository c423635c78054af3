package newsgraph.corenlp;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Binds every com.sun.net.httpserver server of this JVM to the loopback interface.
 *
 * StanfordCoreNLPServer 4.5.10 has no bind-address flag: it creates its servers with
 * new InetSocketAddress(port), i.e. on all interfaces. Installed with
 * -Dcom.sun.net.httpserver.HttpServerProvider=newsgraph.corenlp.LoopbackHttpServerProvider,
 * this provider keeps the port and replaces the address with 127.0.0.1, so the server is never
 * reachable from the network. The JDK's own provider does the real work (reached by reflection,
 * so the JVM needs --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED).
 */
public final class LoopbackHttpServerProvider extends HttpServerProvider {
  private final HttpServerProvider delegate;

  public LoopbackHttpServerProvider() {
    try {
      delegate = (HttpServerProvider) Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach the JDK's default HTTP server provider", e);
    }
  }

  private static InetSocketAddress loopback(InetSocketAddress requested) {
    int port = requested == null ? 0 : requested.getPort();
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress addr, int backlog) throws IOException {
    return delegate.createHttpServer(loopback(addr), backlog);
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress addr, int backlog) throws IOException {
    return delegate.createHttpsServer(loopback(addr), backlog);
  }
}
