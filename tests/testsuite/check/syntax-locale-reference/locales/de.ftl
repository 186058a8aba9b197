# The plan's own words over the built-in German ones.
-marke = Fixture Org
hotline = Notruf der { -marke }
nav-start = Start: { -firma }
email = { hotline-email }
hotline-call = 1. { $label } anrufen, { $nummer }
