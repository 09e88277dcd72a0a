package io.tributary.job.deploy.kubernetes.testing;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A STAND-IN for a Kubernetes API server: fabric8's {@code kubernetes-server-mock} on 127.0.0.1 (a free port, plain
 * HTTP), because no real API server can run on a build machine. In CRUD mode it stores what clients create and
 * answers reads, lists, patches and deletes like an API server — but no controller runs behind it: no pod ever
 * starts, no Deployment becomes ready, nothing is garbage-collected. Tests against it can check what Flink's client
 * and Tributary create and report, never a running job. In expectation mode it answers only what a test told it
 * to (e.g. 403 for a namespace without rights).
 */
public final class KubernetesApiStandIn implements AutoCloseable {

    private final KubernetesMockServer server;
    private final Path kubeconfig;

    private KubernetesApiStandIn(KubernetesMockServer server) {
        this.server = server;
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        this.kubeconfig = writeKubeconfig(url());
    }

    /** The CRUD-mode stand-in: stores and serves whatever is created. */
    public static KubernetesApiStandIn crud() {
        return new KubernetesApiStandIn(new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false));
    }

    /** The expectation-mode stand-in: answers only what {@link #expectations()} set up (404 otherwise). */
    public static KubernetesApiStandIn expectations() {
        return new KubernetesApiStandIn(new KubernetesMockServer(false));
    }

    /** The mock server itself, e.g. to set expectations. */
    public KubernetesMockServer server() {
        return server;
    }

    /** The API server's URL: http://127.0.0.1:port. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A kubeconfig file that names this stand-in (cluster, a token user, context {@code stand-in}). */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A client of the stand-in, for tests to read what was created and to act "from outside". */
    public NamespacedKubernetesClient client() {
        return server.createClient();
    }

    /** A kubeconfig naming an API server that nobody listens on (a closed port of 127.0.0.1). */
    public static Path kubeconfigOfNobody(int closedPort) {
        return writeKubeconfig("http://127.0.0.1:" + closedPort);
    }

    private static Path writeKubeconfig(String url) {
        try {
            Path file = Files.createTempFile("kubeconfig-stand-in", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: stand-in
                      cluster:
                        server: %s
                    users:
                    - name: tester
                      user:
                        token: stand-in-token
                    contexts:
                    - name: stand-in
                      context:
                        cluster: stand-in
                        user: tester
                    current-context: stand-in
                    """.formatted(url));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
