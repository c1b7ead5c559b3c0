import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, onUnauthorized, request } from "../api/client";
import type { Me } from "../api/types";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out"; expired: boolean }
  | { status: "signed-in"; user: Me }
  | { status: "error"; error: ApiError };

type Session = {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    request<{ user: Me }>("/api/auth/me")
      .then(({ user }) => setState({ status: "signed-in", user }))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) {
          setState({ status: "signed-out", expired: false });
        } else if (err instanceof ApiError) setState({ status: "error", error: err });
      });
  }, [tick]);

  useEffect(
    () =>
      onUnauthorized(() =>
        setState((s) => (s.status === "signed-in" ? { status: "signed-out", expired: true } : s)),
      ),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const { user } = await request<{ user: Me }>("/api/auth/login", {
      json: { email, password },
    });
    setState({ status: "signed-in", user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await request("/api/auth/logout", { method: "POST" });
    } finally {
      setState({ status: "signed-out", expired: false });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setTick((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useUser(): Me {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useUser while not signed in");
  return state.user;
}
