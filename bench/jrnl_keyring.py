"""A keyring backend for the jrnl comparison: hands jrnl the benchmark journal's password.

jrnl reads the password from the system keyring when one is stored there (it offers to store it
at creation); this stands in for that keyring, so jrnl runs unattended exactly as a user who
chose "store in keychain" would run it.  Loaded only in the jrnl processes, through
``PYTHON_KEYRING_BACKEND=jrnl_keyring.BenchKeyring``.
"""

import os

from keyring.backend import KeyringBackend


class BenchKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return os.environ.get("RJ_BENCH_JRNL_PASSWORD")

    def set_password(self, service, username, password):
        pass

    def delete_password(self, service, username):
        pass
