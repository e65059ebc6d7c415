"""Entity recognition: small components, each finding one kind of mention,
whose candidates are merged by one policy (``kg.ner.merge``).

A component is ``recognize_xxx(doc) -> list[Mention]``. The recognizers ``--ner`` offers are
registered by name in ``kg.ner.recognizers.RECOGNIZERS``. This package file imports nothing, so
that a module reading one part of a grammar (``kg.ner.roles``) does not load every recognizer.
"""
