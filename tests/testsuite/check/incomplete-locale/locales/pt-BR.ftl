# Two messages translated so far.
nav-start = Início
nav-runbooks = Procedimentos
