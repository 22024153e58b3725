package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import jakarta.servlet.MultipartConfigElement;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Materials on an engine node: the catalogues (checked at start), the store and records in the
 * platform's tables, the engine-level start and completion checks, and the servlet's multipart
 * limits from {@code fenhe.materials.max-size}.
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class MaterialsConfiguration {

  @Bean
  Catalogue materialsCatalogue(MaterialsProperties properties) {
    return CatalogueLoader.load(properties.catalogues());
  }

  @Bean
  MaterialStore materialStore(JdbcTemplate jdbc) {
    return new JdbcMaterialStore(jdbc);
  }

  @Bean
  MaterialRecords materialRecords(JdbcTemplate jdbc) {
    return new MaterialRecords(jdbc);
  }

  @Bean
  Materials materials(
      Catalogue catalogue,
      MaterialRecords records,
      MaterialStore store,
      MaterialsProperties properties,
      CaseAccess cases,
      AuditLog audit,
      FenheClock clock,
      PlatformTransactionManager transactionManager,
      ProcessEngine engine) {
    return new Materials(
        catalogue,
        records,
        store,
        properties,
        cases,
        audit,
        clock,
        new TransactionTemplate(transactionManager),
        engine);
  }

  /** The start and completion checks, in the engine (the service is resolved at first use). */
  @Bean
  MaterialsEnginePlugin materialsEnginePlugin(
      Catalogue catalogue, ObjectProvider<Materials> materials) {
    return new MaterialsEnginePlugin(new MaterialsParseListener(catalogue, materials::getObject));
  }

  /** One file up to max-size; the request may be 1 MB larger for its other parts. */
  @Bean
  MultipartConfigElement multipartConfigElement(MaterialsProperties properties) {
    long max = properties.maxSize().toBytes();
    return new MultipartConfigElement("", max, max + 1024 * 1024, 0);
  }

  /** Removes the pending uploads that expired, every hour. */
  @Bean
  PendingUploadsCleanup pendingUploadsCleanup(ObjectProvider<Materials> materials) {
    return new PendingUploadsCleanup(materials);
  }

  /** The hourly removal of expired pending uploads. */
  public static class PendingUploadsCleanup {
    private final ObjectProvider<Materials> materials;

    PendingUploadsCleanup(ObjectProvider<Materials> materials) {
      this.materials = materials;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void removeExpired() {
      materials.getObject().cleanUp();
    }
  }
}
