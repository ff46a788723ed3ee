"""How the shared spaCy pipeline is set up (``trips.extraction.nlp``)."""

from trips.extraction.nlp import parse, pipeline


def test_its_models_multiply_with_numpys_blas_not_blis():
    # NumPy's BLAS multiplies the tok2vec layers' matrices several times as
    # fast as blis does on the machines we run on; the parses are the same.
    for name, component in pipeline().pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            assert model.ops.use_blis is False, name


def test_the_parse_is_the_trained_pipelines():
    doc = parse("The minister arrived in Nairobi on Monday.")
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert verb.text == "arrived"
    assert verb.tag_ == "VBD"
    assert [t.text for t in verb.children if t.dep_ == "nsubj"] == ["minister"]
