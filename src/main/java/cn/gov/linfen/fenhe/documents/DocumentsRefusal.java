package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.common.RefusalText;

/**
 * Refusal texts of official documents ({@code src/main/resources/refusals/documents.properties}).
 */
public enum DocumentsRefusal implements RefusalText {
  UNKNOWN_KIND,
  NOT_ISSUED_YET,
  FONT_MISSING;

  @Override
  public String bundle() {
    return "documents";
  }
}
