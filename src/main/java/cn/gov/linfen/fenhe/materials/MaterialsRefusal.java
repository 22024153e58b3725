package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.common.RefusalText;

/**
 * The refusal texts of materials; Chinese and English side by side in {@code
 * src/main/resources/refusals/materials.properties}.
 */
public enum MaterialsRefusal implements RefusalText {
  FILE_EMPTY,
  FILE_TOO_LARGE,
  FILE_EXECUTABLE,
  FILE_FORMAT_UNKNOWN,
  FILE_FORMAT_NOT_ACCEPTED,
  TYPE_UNKNOWN,
  TYPE_NOT_AT_START,
  STEP_NOT_OPEN,
  NOT_HOLDER,
  READ_ONLY,
  MAY_NOT_START,
  NO_CATALOGUE,
  UPLOAD_UNKNOWN,
  UPLOAD_NOT_FOR_START,
  MISSING_AT_START,
  MISSING_AT_STEP,
  MULTIPART_EXPECTED;

  @Override
  public String bundle() {
    return "materials";
  }
}
