package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Official documents: numbers, the font, the cases' documents (docs/documents.md). */
@Configuration
@EngineRole
public class DocumentsConfiguration {

  @Bean
  DocumentNumbers documentNumbers(
      JdbcTemplate jdbc, FenheClock clock, PlatformTransactionManager transactions) {
    return new DocumentNumbers(jdbc, clock, transactions);
  }

  @Bean
  DocumentFont documentFont(DocumentsProperties properties) {
    return new DocumentFont(properties);
  }

  @Bean
  CaseDocumentsService caseDocumentsService(
      ProcessEngine engine,
      List<CaseDocuments> procedures,
      DocumentFont font,
      DocumentNumbers numbers,
      AuditLog audit) {
    return new CaseDocumentsService(engine, procedures, font, numbers, audit);
  }
}
