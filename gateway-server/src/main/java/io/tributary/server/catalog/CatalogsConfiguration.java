package io.tributary.server.catalog;

import io.tributary.catalog.builtin.BuiltinCatalogRegistry;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.catalog.store.CatalogStoreRegistry;
import io.tributary.catalog.store.DatabaseCatalogStore;
import io.tributary.catalog.store.TributaryCatalogStoreFactory;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.gateway.ServerSessionOptions;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog store in the metadata database, registered for every gateway session. */
@Configuration(proxyBeanMethods = false)
public class CatalogsConfiguration {

    @Bean
    SecretCipher secretCipher(TributaryProperties properties) {
        return new SecretCipher(MasterKeySource.masterKey(properties));
    }

    @Bean
    SecretOptionPolicy secretOptionPolicy(TributaryProperties properties) {
        return new SecretOptionPolicy(properties.secrets().extraSecretOptions());
    }

    @Bean
    CatalogDefinitionRepository catalogDefinitionRepository(DSLContext database, SecretCipher cipher, Clock clock) {
        return new CatalogDefinitionRepository(database, cipher, clock);
    }

    /** The metadata database, for catalogs of type {@code tributary} (the default catalog among them). */
    @Bean(destroyMethod = "close")
    BuiltinCatalogRegistry.Registration builtinCatalogRegistration(DSLContext database) {
        return BuiltinCatalogRegistry.register("metadata", database);
    }

    /** Closed after the gateway (which depends on the session options below), so no session outlives it. */
    @Bean(destroyMethod = "close")
    CatalogStoreRegistry.Registration catalogStoreRegistration(CatalogDefinitionRepository repository,
            SecretOptionPolicy policy, BuiltinCatalogRegistry.Registration builtinCatalogs) {
        DefaultCatalog.ensureStored(repository, policy);
        return CatalogStoreRegistry.register(DatabaseCatalogStore.forSessions(repository, policy));
    }

    @Bean
    ServerSessionOptions catalogStoreSessionOptions(CatalogStoreRegistry.Registration registration) {
        return new ServerSessionOptions("catalog store",
                TributaryCatalogStoreFactory.sessionConfiguration(registration.handle()));
    }
}
