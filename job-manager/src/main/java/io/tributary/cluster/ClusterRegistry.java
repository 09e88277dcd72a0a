package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.EmbeddedSessionTarget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The clusters jobs can run on: the embedded one (id {@code embedded}, part of the server) and the registered
 * ones, each of a kind this build has a {@link ClusterConnector} for. A cluster is checked when it is registered
 * or moved (it must answer), and cannot be removed while managed jobs are active on it. One connection per
 * cluster is kept open and shared by its deployment target and its watcher.
 */
public final class ClusterRegistry implements AutoCloseable {

    public static final String EMBEDDED_ID = EmbeddedSessionTarget.CLUSTER_ID;

    private final ClusterRepository clusters;
    private final ManagedJobRepository jobs;
    private final Connected embedded;
    private final Map<ClusterKind, ClusterConnector> connectors;
    private final Clock clock;
    private final Map<String, Connected> connections = new ConcurrentHashMap<>();

    /**
     * @param embeddedCluster the embedded cluster's definition (id {@code embedded})
     * @param embeddedConnection its connection, which the server owns (not closed here)
     * @param connectors one per registrable kind
     */
    public ClusterRegistry(ClusterRepository clusters, ManagedJobRepository jobs, ClusterDefinition embeddedCluster,
            ClusterConnection embeddedConnection, List<ClusterConnector> connectors, Clock clock) {
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        requireNonNull(embeddedCluster, "embeddedCluster is null");
        if (!EMBEDDED_ID.equals(embeddedCluster.id()) || embeddedCluster.kind() != ClusterKind.EMBEDDED) {
            throw new IllegalArgumentException("the embedded cluster must have id 'embedded' and kind EMBEDDED");
        }
        this.embedded = new Connected(embeddedCluster,
                requireNonNull(embeddedConnection, "embeddedConnection is null"));
        Map<ClusterKind, ClusterConnector> byKind = new EnumMap<>(ClusterKind.class);
        for (ClusterConnector connector : connectors) {
            if (connector.kind() == ClusterKind.EMBEDDED || byKind.put(connector.kind(), connector) != null) {
                throw new IllegalArgumentException("one connector per registrable kind: " + connector.kind());
            }
        }
        this.connectors = Map.copyOf(byKind);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Registers a cluster of a registrable kind after checking that it answers. */
    public ClusterDefinition register(String name, String kind, String restAddress, Map<String, String> settings,
            String actor) {
        String cleanName = validName(name);
        ClusterConnector connector = connector(kind);
        ClusterLocation located = connector.locate(restAddress, settings == null ? Map.of() : settings);
        requireNonNull(actor, "actor is null");
        ClusterLocation location = connector.provision(cleanName, located);
        ClusterDefinition cluster = new ClusterDefinition(UUID.randomUUID().toString(), cleanName, connector.kind(),
                location.restAddress(), location.settings(), actor, clock.instant());
        ClusterConnection connection;
        try {
            connection = connectChecked(connector, cluster);
        } catch (RuntimeException e) {
            connector.release(cluster);
            throw e;
        }
        try {
            clusters.insert(cluster);
        } catch (RuntimeException e) {
            connection.close();
            connector.release(cluster);
            throw e;
        }
        connections.put(cluster.id(), new Connected(cluster, connection));
        return cluster;
    }

    /** {@link #register(String, String, String, Map, String)} of a cluster that has only a REST address. */
    public ClusterDefinition register(String name, String kind, String restAddress, String actor) {
        return register(name, kind, restAddress, Map.of(), actor);
    }

    /**
     * Renames a registered cluster and/or moves it to another address (checked like a registration: the cluster
     * must answer there); a null field stays as it is. Empty when no such cluster is registered.
     */
    public Optional<ClusterDefinition> edit(String id, String name, String restAddress, Map<String, String> settings) {
        if (EMBEDDED_ID.equals(id)) {
            throw new InvalidClusterException("id", "the embedded cluster is part of the server; configure it with"
                    + " the tributary.flink.* settings");
        }
        if (name == null && restAddress == null && settings == null) {
            throw new InvalidClusterException("name", "nothing to change: give name, restAddress or both");
        }
        Optional<ClusterDefinition> found = clusters.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClusterDefinition current = found.get();
        String newName = name == null ? current.name() : validName(name);
        ClusterLocation location = current.location();
        ClusterConnection moved = null;
        if (restAddress != null || settings != null) {
            ClusterConnector connector = connector(current.kind().label());
            location = connector.locate(
                    restAddress != null ? restAddress : current.restAddress().map(Object::toString).orElse(null),
                    settings != null ? settings : current.settings());
            if (!location.equals(current.location())) {
                moved = connectChecked(connector, current.with(newName, location));
            }
        }
        ClusterDefinition updated = current.with(newName, location);
        try {
            if (!clusters.update(updated, clock.instant())) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            if (moved != null) {
                moved.close();
            }
            throw e;
        }
        if (moved != null) {
            Connected previous = connections.put(id, new Connected(updated, moved));
            if (previous != null) {
                previous.connection().close();
            }
        } else {
            connections.computeIfPresent(id, (key, connected) -> new Connected(updated, connected.connection()));
        }
        return Optional.of(updated);
    }

    /** A registered cluster, or the embedded one. */
    public Optional<ClusterDefinition> find(String id) {
        return EMBEDDED_ID.equals(id) ? Optional.of(embedded.definition()) : clusters.find(id);
    }

    /** The registered clusters, by name (not the embedded one). */
    public List<ClusterDefinition> registered() {
        return clusters.list();
    }

    /** The embedded cluster first, then the registered ones by name, as stored now. */
    public List<ClusterDefinition> all() {
        List<ClusterDefinition> all = new ArrayList<>();
        all.add(embedded.definition());
        all.addAll(clusters.list());
        return all;
    }

    public ClusterDefinition embedded() {
        return embedded.definition();
    }

    /** The deployment target of a cluster id, or empty when no such cluster exists. */
    public Optional<DeploymentTarget> target(String clusterId) {
        return connected(clusterId).map(connected -> connected.connection().target());
    }

    /**
     * The open connection to a cluster as {@code cluster} describes it: when the stored definition moved (another
     * instance edited it), the connection is reopened at the new location.
     */
    public ClusterConnection connection(ClusterDefinition cluster) {
        if (EMBEDDED_ID.equals(cluster.id())) {
            return embedded.connection();
        }
        Connected connected = connections.compute(cluster.id(), (id, current) -> {
            if (current != null && current.definition().location().equals(cluster.location())) {
                return current.definition().equals(cluster) ? current : new Connected(cluster, current.connection());
            }
            if (current != null) {
                current.connection().close();
            }
            return new Connected(cluster, connector(cluster.kind().label()).connect(cluster));
        });
        return connected.connection();
    }

    /** Removes a registered cluster that no managed job is active on. */
    public boolean remove(String clusterId) {
        if (EMBEDDED_ID.equals(clusterId)) {
            throw new InvalidClusterException("id", "the embedded cluster is part of the server and cannot be removed");
        }
        List<String> busy = jobs.onCluster(clusterId).stream()
                .filter(job -> job.state().active())
                .map(job -> job.name() + " (" + job.state() + ")")
                .sorted()
                .toList();
        if (!busy.isEmpty()) {
            throw new ClusterInUseException(clusterId, busy);
        }
        Optional<ClusterDefinition> cluster = clusters.find(clusterId);
        boolean removed = clusters.delete(clusterId);
        Optional.ofNullable(connections.remove(clusterId)).ifPresent(connected -> connected.connection().close());
        if (removed) {
            cluster.ifPresent(definition -> Optional.ofNullable(connectors.get(definition.kind()))
                    .ifPresent(connector -> connector.release(definition)));
        }
        return removed;
    }

    /** The kinds that can be registered in this build. */
    public List<ClusterKind> registrableKinds() {
        return connectors.keySet().stream().sorted().toList();
    }

    private Optional<Connected> connected(String clusterId) {
        if (EMBEDDED_ID.equals(clusterId)) {
            return Optional.of(embedded);
        }
        Connected cached = connections.get(clusterId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return clusters.find(clusterId).map(cluster -> {
            connection(cluster);
            return connections.get(cluster.id());
        });
    }

    private ClusterConnector connector(String kind) {
        ClusterKind clusterKind = ClusterKind.fromLabel(kind).orElseThrow(() -> new InvalidClusterException("kind",
                kind == null || kind.isBlank()
                        ? "kind is required; registrable kinds: " + labels(registrableKinds())
                        : "unknown cluster kind '" + kind + "'; registrable kinds: " + labels(registrableKinds())));
        if (clusterKind == ClusterKind.EMBEDDED) {
            throw new InvalidClusterException("kind", "the embedded cluster is part of the server and is not"
                    + " registered; registrable kinds: " + labels(registrableKinds()));
        }
        ClusterConnector connector = connectors.get(clusterKind);
        if (connector == null) {
            throw new InvalidClusterException("kind", "not available in this build: "
                    + clusterKind.description().substring(0, 1).toUpperCase(Locale.ROOT)
                    + clusterKind.description().substring(1) + " arrive with " + clusterKind.providedBy());
        }
        return connector;
    }

    private static ClusterConnection connectChecked(ClusterConnector connector, ClusterDefinition cluster) {
        ClusterConnection connection = connector.connect(cluster);
        try {
            connection.target().checkReachable();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidClusterException("name", "name is required");
        }
        String clean = name.strip();
        if (clean.length() > 200) {
            throw new InvalidClusterException("name", "name must be at most 200 characters, was " + clean.length());
        }
        if (EMBEDDED_ID.equalsIgnoreCase(clean)) {
            throw new InvalidClusterException("name", "'" + clean + "' is the name of the embedded cluster");
        }
        return clean;
    }

    private static String labels(List<ClusterKind> kinds) {
        return kinds.stream().map(ClusterKind::label).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() {
        connections.values().forEach(connected -> connected.connection().close());
        connections.clear();
    }

    private record Connected(ClusterDefinition definition, ClusterConnection connection) {}
}
