"""The scored choices' shared arithmetic: a figure's, a part's and an event place's reasons read the same way."""
from sitrep.cues import weigh
from sitrep.figures.choice import Candidate, choose


def test_weigh_sums_weights_times_levels_and_gives_a_reason_per_cue():
    weights, texts = {"attached": 2.0, "specificity": 0.5, "namesake": -3.0}, {"attached": "the event words attach"}
    score, reasons = weigh({"attached": 1.0, "specificity": 3.0}, weights, texts)
    assert score == 3.5 and reasons == ["the event words attach (+2)", "specificity (+1.5)"]
    assert weigh(["namesake", "unknown cue"], weights, texts, keep_zero=False) == (-3.0, ["namesake (-3)"])
    assert weigh([], weights, texts, base=1.25) == (1.25, [])


def test_a_figure_choice_keeps_the_route_first_then_each_cue():
    c = Candidate(route="object", category="killed", anchor=1, anchor_text="killed", cues=["hypothetical"])
    choice = choose([c], [])
    assert choice.reasons[0].startswith("killed: governed by 'killed'")
    assert any("(-" in r for r in choice.reasons[1:-1]) and choice.reasons[-1].startswith("score ")


def test_cue_tables_of_the_figure_and_part_choices_read_from_their_data():
    """Both choices of figure_cues.toml read into one shape: figures' [figure] names its cue table 'cues' and has
    routes, [part] has none; every cue that has a weight has a reason to show."""
    from sitrep.figures.choice import figure_cues
    from sitrep.parts import part_cues

    figure, part = figure_cues(), part_cues()
    assert figure.routes and not part.routes
    for table in (figure, part):
        assert table.weights and table.threshold > 0
        assert set(table.weights) <= set(table.reasons)
