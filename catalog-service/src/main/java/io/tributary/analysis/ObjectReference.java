package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A catalog object that a DDL, USE, SHOW or DESCRIBE statement is about, fully qualified.
 *
 * @param type what kind of object it is
 * @param names its fully qualified name, as many parts as {@link ObjectType} documents
 * @param temporary whether it is a temporary object of the session (it does not outlive the session)
 */
public record ObjectReference(ObjectType type, List<String> names, boolean temporary) {

    public ObjectReference {
        requireNonNull(type, "type is null");
        names = List.copyOf(requireNonNull(names, "names is null"));
        if (!type.acceptsNames(names.size())) {
            throw new IllegalArgumentException(type + " cannot have the name " + names);
        }
    }

    public static ObjectReference catalog(String catalog) {
        return new ObjectReference(ObjectType.CATALOG, List.of(catalog), false);
    }

    public static ObjectReference database(String catalog, String database) {
        return new ObjectReference(ObjectType.DATABASE, List.of(catalog, database), false);
    }

    public static ObjectReference of(ObjectType type, TablePath path, boolean temporary) {
        return new ObjectReference(type, List.of(path.catalog(), path.database(), path.table()), temporary);
    }

    /** The catalog the object lives in, or empty for a temporary system function. */
    public Optional<String> catalog() {
        return names.size() == 1 && type != ObjectType.CATALOG
                ? Optional.empty()
                : Optional.of(names.get(0));
    }

    @Override
    public String toString() {
        String name = names.stream().map(TablePath::quoted).collect(Collectors.joining("."));
        return (temporary ? "temporary " : "") + type + " " + name;
    }
}
