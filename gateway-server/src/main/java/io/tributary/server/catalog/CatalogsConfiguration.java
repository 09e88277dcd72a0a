package io.tributary.server.catalog;

import io.tributary.catalog.admin.CatalogAdministration;
import io.tributary.catalog.admin.CatalogBrowser;
import io.tributary.catalog.builtin.BuiltinCatalogRegistry;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.catalog.store.CatalogOpenCheck;
import io.tributary.catalog.store.CatalogStoreRegistry;
import io.tributary.catalog.store.DatabaseCatalogStore;
import io.tributary.catalog.store.TributaryCatalogStoreFactory;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.gateway.ServerSessionOptions;
import java.time.Clock;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;


/** The catalog store in the metadata database, registered for every gateway session. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
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
    CatalogAdministration catalogAdministration(CatalogDefinitionRepository repository, SecretOptionPolicy policy) {
        return new CatalogAdministration(repository, policy,
                new CatalogOpenCheck(new Configuration(),
                        CatalogsConfiguration.class.getClassLoader()),
                Set.of(DefaultCatalog.NAME));
    }

    @Bean(destroyMethod = "close")
    CatalogBrowser catalogBrowser(CatalogDefinitionRepository repository, SecretOptionPolicy policy) {
        return new CatalogBrowser(repository, policy, new Configuration(),
                CatalogsConfiguration.class.getClassLoader());
    }

    @Bean
    ServerSessionOptions catalogStoreSessionOptions(CatalogStoreRegistry.Registration registration) {
        return new ServerSessionOptions("catalog store",
                TributaryCatalogStoreFactory.sessionConfiguration(registration.handle()));
    }
}
