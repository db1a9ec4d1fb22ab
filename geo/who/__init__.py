"""Who did it, and according to whom: actor and cited-source mentions with offsets.

`ActorRegistry.load()` builds the registry once; pass it to `find_actors` and `find_sources`.
"""
from geo.who._actors import find_actors
from geo.who._registry import ActorRegistry
from geo.who._sources import find_sources

__all__ = ["ActorRegistry", "find_actors", "find_sources"]
