import { useEffect } from "preact/hooks";
import { LocationProvider, useLocation } from "preact-iso";
import { ErrorNotice } from "./components/ErrorNotice";
import { LoadingBlock } from "./components/Spinner";
import { I18nProvider } from "./i18n";
import { Shell } from "./layout/Shell";
import { SignInPage } from "./pages/auth/SignInPage";
import { AppRoutes } from "./routes";
import { AccountsProvider } from "./state/accounts";
import { SessionProvider, useSession } from "./state/session";
import { ToastProvider } from "./state/toasts";

/** Signed out: the sign-in page whatever the URL, so signing in lands where the link pointed. */
function Gate() {
  const { state, retry } = useSession();
  const { path, route } = useLocation();

  useEffect(() => {
    if (state.status === "signed-in" && path === "/login") route("/", true);
  }, [state.status, path, route]);

  if (state.status === "loading") return <LoadingBlock />;
  if (state.status === "error") {
    return (
      <div class="center-page">
        <ErrorNotice error={state.error} onRetry={retry} variant="block" />
      </div>
    );
  }
  if (state.status === "signed-out") return <SignInPage expired={state.expired} />;
  return (
    <AccountsProvider>
      <Shell>
        <AppRoutes />
      </Shell>
    </AccountsProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <LocationProvider>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </LocationProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
