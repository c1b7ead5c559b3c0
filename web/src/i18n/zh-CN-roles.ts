// Simplified Chinese for what a role may not do: the read-only notes, closed
// pages and empty states without a create button. Spread into zh-CN.ts;
// en-roles.ts has the same keys.
export const zhCNRoles = {
  "roles.readOnly": "只读",
  "roles.readOnlyHint":
    "你的角色是“只读”：可以查看数据、下载二维码图片，不能新建、修改、删除或导出。如需操作，请联系管理员调整角色。",
  "roles.writeOnlyBody": "只读成员可以查看，但不能新建或修改。如需操作，请联系管理员调整你的角色。",
  "roles.viewSettings": "查看设置",
  "roles.codeReadOnly":
    "只读：你可以查看这个二维码的设置和回复，只有运营、管理员和所有者可以修改。",
  "roles.formReadOnly": "只读：你可以查看这个表单的设置，只有运营、管理员和所有者可以修改。",
  "roles.qrEmptyBody": "这个公众号还没有二维码。运营、管理员和所有者可以创建二维码。",
  "roles.formsEmptyBody": "这个公众号还没有表单。运营、管理员和所有者可以新建表单。",
  "roles.adminActions": "部分操作仅限管理员",
  "roles.mtagsAdminHint": "会员标签由所有公众号共用：只有管理员和所有者可以重命名、合并或删除。",
  "roles.tokenReadOnly": "只读成员只能创建只读令牌。",
  "roles.checkNeedsOperator": "运营、管理员和所有者可以重新检测连接。",
};
