"""Where the drafts encryption key lives: the operating system's own credential store, or nowhere.

The default provider keeps the key in Windows Credential Locker, the macOS Keychain or the Secret
Service through ``keyring``, and refuses any other backend (a plain-text or "fail" keyring would
defeat the encryption). Without one, drafts stay in memory only. The app never writes the key to
disk, and production code has no switch to do so: tests that restart the app supply their own
provider (see ``tests/ui/app_driver.py``).
"""

from __future__ import annotations

from typing import Any, Protocol

from cryptography.fernet import Fernet

from thresholds_app.core.drafts.state import DraftError

KEYRING_SERVICE = "thresholds_app drafts"
KEYRING_USER = "draft-encryption-key"

# keyring backends that keep secrets in the operating system's own protected store
_NATIVE_BACKENDS = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
    }
)


class KeyProvider(Protocol):
    """Where the draft encryption key comes from."""

    @property
    def available(self) -> bool:
        """Whether a secure key store exists (if not, drafts stay in memory)."""
        ...

    @property
    def reason(self) -> str:
        """Plain words on why the store is unavailable (empty when it is available)."""
        ...

    def key(self) -> bytes:
        """Return the Fernet key, creating and storing it on first use."""
        ...


def _backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


class KeyringKeyProvider:
    """Keeps the key in the OS credential store through ``keyring``; refuses any other backend."""

    def __init__(self, backend: Any | None = None) -> None:
        self._given = backend
        self._backend: Any | None = None
        self._reason = ""
        self._checked = False
        self._key: bytes | None = None

    def _check(self) -> None:
        if self._checked:
            return
        self._checked = True
        try:
            backend = self._given
            if backend is None:
                import keyring  # imported late: finding backends is slow and needs no start-up

                backend = keyring.get_keyring()
            self._backend = self._native(backend)
        except Exception:  # any keyring failure means "no secure store", never a crash
            self._backend = None
        if self._backend is None:
            self._reason = (
                "This computer has no secure password store that the app can use, so drafts "
                "are kept in memory only and are lost if the app closes unexpectedly."
            )

    @staticmethod
    def _native(backend: Any) -> Any | None:
        if _backend_name(backend) in _NATIVE_BACKENDS:
            return backend
        # the chainer tries several backends in turn; use its first native one directly, so
        # the key can never fall through to a plain-text or "fail" backend
        for inner in getattr(backend, "backends", ()) or ():
            if _backend_name(inner) in _NATIVE_BACKENDS:
                return inner
        return None

    @property
    def available(self) -> bool:
        """Whether an OS-native credential store is in use."""
        self._check()
        return self._backend is not None

    @property
    def reason(self) -> str:
        """Why drafts are memory-only (empty when the store is available)."""
        self._check()
        return self._reason

    def key(self) -> bytes:
        """Return the key from the credential store, creating it the first time."""
        self._check()
        if self._backend is None:
            raise DraftError(self._reason)
        if self._key is None:
            try:
                stored = self._backend.get_password(KEYRING_SERVICE, KEYRING_USER)
                if not stored:
                    stored = Fernet.generate_key().decode("ascii")
                    self._backend.set_password(KEYRING_SERVICE, KEYRING_USER, stored)
                self._key = str(stored).encode("ascii")
            except Exception as exc:  # a locked or broken store: no drafts, never a crash
                raise DraftError(
                    "The password store did not give the drafts key, so drafts are kept in "
                    "memory only for now."
                ) from exc
        return self._key


class UnavailableKeyProvider:
    """A provider for when drafts must not be written at all."""

    def __init__(self, reason: str = "Drafts are kept in memory only.") -> None:
        self._reason = reason

    @property
    def available(self) -> bool:
        """Always False."""
        return False

    @property
    def reason(self) -> str:
        """Why drafts are memory-only."""
        return self._reason

    def key(self) -> bytes:
        """Never returns: there is no key."""
        raise DraftError(self._reason)


def default_key_provider() -> KeyProvider:
    """Return the key provider for the app: the operating system's credential store."""
    return KeyringKeyProvider()
