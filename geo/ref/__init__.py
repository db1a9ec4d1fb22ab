"""Reference data read by the loader (see README.md in this folder)."""
from functools import lru_cache
from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


@lru_cache(maxsize=None)
def load_yaml(name: str):
    """A YAML file of this folder, parsed once per process."""
    return yaml.load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"), Loader=_LOADER)
