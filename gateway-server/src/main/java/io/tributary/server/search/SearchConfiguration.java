package io.tributary.server.search;

import io.tributary.catalog.admin.CatalogBrowser;
import io.tributary.catalog.search.CatalogIndexLoader;
import io.tributary.catalog.search.MetadataIndex;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metadata search index and what keeps it up to date. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    MetadataIndex metadataIndex() {
        return new MetadataIndex();
    }

    @Bean(destroyMethod = "close")
    MetadataIndexMaintainer metadataIndexMaintainer(MetadataIndex index, CatalogDefinitionRepository catalogs,
            CatalogBrowser browser, Clock clock) {
        return new MetadataIndexMaintainer(index, new CatalogIndexLoader(catalogs, browser), clock);
    }
}
