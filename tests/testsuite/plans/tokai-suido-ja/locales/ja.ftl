# 一部のみ翻訳
nav-runbooks = 手順書
nav-contacts = 連絡先
nav-services = サービス
