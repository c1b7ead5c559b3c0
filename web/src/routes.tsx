import { Route, Router } from "preact-iso";
import { accountPage } from "./pages/AccountScope";
import { adminPage } from "./pages/AdminScope";
import { AccountCreatePage } from "./pages/accounts/AccountCreatePage";
import { AccountListPage } from "./pages/accounts/AccountListPage";
import { AccountSettingsPage } from "./pages/accounts/AccountSettingsPage";
import { AuditPage } from "./pages/audit/AuditPage";
import { ConflictsPage } from "./pages/contacts/ConflictsPage";
import { ContactDetailPage } from "./pages/contacts/ContactDetailPage";
import { ContactListPage } from "./pages/contacts/ContactListPage";
import { MemberTagsPage } from "./pages/contacts/MemberTagsPage";
import { DeadLettersPage } from "./pages/dead-letters/DeadLettersPage";
import { FormCreatePage } from "./pages/forms/FormCreatePage";
import { FormEditPage } from "./pages/forms/FormEditPage";
import { FormListPage } from "./pages/forms/FormListPage";
import { FormSubmissionsPage } from "./pages/forms/FormSubmissionsPage";
import { HomeRedirect } from "./pages/HomeRedirect";
import { JobsPage } from "./pages/jobs/JobsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OverviewPage } from "./pages/overview/OverviewPage";
import { QrCodeDetailPage } from "./pages/qrcodes/detail/QrCodeDetailPage";
import { ImportPage } from "./pages/qrcodes/import/ImportPage";
import { QrCodeCreatePage } from "./pages/qrcodes/QrCodeCreatePage";
import { QrCodeEditPage } from "./pages/qrcodes/QrCodeEditPage";
import { QrCodeListPage } from "./pages/qrcodes/QrCodeListPage";
import { SecurityPage } from "./pages/security/SecurityPage";
import { TokensPage } from "./pages/tokens/TokensPage";
import { UsersPage } from "./pages/users/UsersPage";

// Pages of one account carry its id in the URL, so a link opens the same
// account for whoever follows it; `accountPage` resolves it once for them.
const Overview = accountPage(OverviewPage);
const Jobs = accountPage(JobsPage);
const AccountSettings = accountPage(AccountSettingsPage);
const QrCodes = accountPage(QrCodeListPage);
const QrCodeCreate = accountPage(QrCodeCreatePage);
const QrCodeEdit = accountPage(QrCodeEditPage);
const QrCodeDetail = accountPage(QrCodeDetailPage);
const Forms = accountPage(FormListPage);
const FormCreate = accountPage(FormCreatePage);
const FormEdit = accountPage(FormEditPage);
const FormSubmissions = accountPage(FormSubmissionsPage);
const QrCodeImport = accountPage(ImportPage);
// Admin pages: the server refuses others anyway; the wrapper says so instead of a 403 notice.
const Users = adminPage(UsersPage);
const Audit = adminPage(AuditPage);
const DeadLetters = adminPage(DeadLettersPage);

export function AppRoutes() {
  return (
    <Router>
      <Route path="/" component={HomeRedirect} />
      <Route path="/accounts" component={AccountListPage} />
      <Route path="/accounts/new" component={AccountCreatePage} />
      <Route path="/accounts/:accountId/settings" component={AccountSettings} />
      <Route path="/accounts/:accountId/overview" component={Overview} />
      <Route path="/accounts/:accountId/jobs" component={Jobs} />
      <Route path="/accounts/:accountId/qrcodes" component={QrCodes} />
      <Route path="/accounts/:accountId/qrcodes/new" component={QrCodeCreate} />
      <Route path="/accounts/:accountId/qrcodes/import" component={QrCodeImport} />
      <Route path="/accounts/:accountId/qrcodes/:qrcodeId" component={QrCodeDetail} />
      <Route path="/accounts/:accountId/qrcodes/:qrcodeId/edit" component={QrCodeEdit} />
      <Route path="/accounts/:accountId/forms" component={Forms} />
      <Route path="/accounts/:accountId/forms/new" component={FormCreate} />
      <Route path="/accounts/:accountId/forms/:formId/edit" component={FormEdit} />
      <Route path="/accounts/:accountId/forms/:formId/submissions" component={FormSubmissions} />
      <Route path="/contacts" component={ContactListPage} />
      <Route path="/contacts/conflicts" component={ConflictsPage} />
      <Route path="/contacts/:contactId" component={ContactDetailPage} />
      <Route path="/member-tags" component={MemberTagsPage} />
      <Route path="/settings/tokens" component={TokensPage} />
      <Route path="/settings/security" component={SecurityPage} />
      <Route path="/settings/users" component={Users} />
      <Route path="/settings/audit" component={Audit} />
      <Route path="/settings/dead-letters" component={DeadLetters} />
      <Route default component={NotFoundPage} />
    </Router>
  );
}
