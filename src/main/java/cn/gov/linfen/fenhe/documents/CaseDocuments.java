package cn.gov.linfen.fenhe.documents;

import java.util.List;
import java.util.Optional;

/**
 * A procedure's official documents: a Spring bean in the procedure's package says which kinds its
 * cases have and builds each from the case's data. The platform finds every such bean; it knows no
 * procedure.
 */
public interface CaseDocuments {

  /** The process key of the cases this bean documents. */
  String processKey();

  /** The kinds, in the order a case's list shows them. */
  List<DocumentKind> kinds();

  /**
   * The case's document of this kind as it stands now, or empty when the case does not have it
   * (yet): an application as soon as the case exists, a notice once issued.
   */
  Optional<PreparedDocument> prepare(CaseData data, DocumentKind kind);
}
